"""Validated records on disk instead of in memory (docs/adr/0200-streaming-bundle-validation.md).

A bundle at the size cap holds millions of rows; kept as Python objects until the store they
took several GB. A ``Spool`` takes a file's valid records as the parser checks them, writes
them to an anonymous temporary file in pickled chunks, and gives them back in the same order
each time the store iterates it. It behaves like the dict (or set) the parts filled before,
for what they do with it: ``spool[key] = record`` (or ``spool.add(record)``), ``items()``,
``values()``, iteration over the keys, ``len``, and ``del spool[key]`` for a record a later
check refuses. Looking a record up by its key is not offered: what later files need of a
file (keys, dates, owners) the parts keep themselves, compactly.

Keys are unique: the parser reports a duplicate key as a problem, and nothing is stored
when there is one. A record that is a dataclass is written as the tuple of its fields and
built again on reading (pickling the instances themselves is three times slower)."""

import dataclasses
import operator
import pickle
import tempfile
from collections.abc import Iterator
from typing import Any

CHUNK = 5_000  # records per pickled chunk


class Spool:
    __slots__ = ("_buffer", "_dropped", "_fields", "_file", "_length", "_type")

    def __init__(self) -> None:
        self._file: Any = None
        self._buffer: list = []
        self._dropped: set = set()
        self._length = 0
        self._type: Any = None  # the records' dataclass, if they are instances of one
        self._fields: Any = None

    # ---- writing ---------------------------------------------------------------------------

    def __setitem__(self, key: Any, value: Any) -> None:
        if self._length == 0 and dataclasses.is_dataclass(value):
            self._type = type(value)
            names = [f.name for f in dataclasses.fields(value)]
            get = operator.attrgetter(*names)
            self._fields = get if len(names) > 1 else (lambda record: (get(record),))
        if self._fields is not None:
            value = self._fields(value)
        self._buffer.append((key, value))
        self._length += 1
        if len(self._buffer) >= CHUNK:
            self._flush()

    def add(self, item: Any) -> None:
        """A set's records (the key is the record)."""
        self[item] = None

    def __delitem__(self, key: Any) -> None:
        """A record that a check over the whole file refuses after all (journal corrections)."""
        if key not in self._dropped:
            self._dropped.add(key)
            self._length -= 1

    def flush(self) -> None:
        """Write the buffered records (the parser does when a part is done)."""
        self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="bundle-spool-")  # noqa: SIM115 (closed by close())
        payload = pickle.dumps(self._buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(0, 2)
        self._file.write(len(payload).to_bytes(8, "little"))
        self._file.write(payload)
        self._buffer = []

    # ---- reading ---------------------------------------------------------------------------

    def items(self) -> Iterator[tuple[Any, Any]]:
        self._flush()
        dropped = self._dropped
        if self._file is None:
            return
        position = 0
        while True:
            file = self._file
            if file is None:
                return
            file.seek(position)  # another iteration may have moved the file meanwhile
            size = int.from_bytes(file.read(8) or b"\0", "little")
            if not size:
                return
            chunk = pickle.loads(file.read(size))  # noqa: S301 (our own file, written above)
            position += 8 + size
            if dropped:
                chunk = [item for item in chunk if item[0] not in dropped]
            if self._type is None:
                yield from chunk
            else:
                record = self._type
                for key, values in chunk:
                    yield key, record(*values)

    def values(self) -> Iterator[Any]:
        for _key, value in self.items():
            yield value

    def keys(self) -> Iterator[Any]:
        for key, _value in self.items():
            yield key

    __iter__ = keys

    def __len__(self) -> int:
        return self._length

    def __bool__(self) -> bool:
        return self._length > 0

    @property
    def on_disk(self) -> bool:
        """Whether records have been written to the temporary file (and it is still open)."""
        return self._file is not None

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._buffer = []


def close_all(data: dict) -> None:
    """Close (and so remove) every spool among a parse's data."""
    for value in data.values():
        if isinstance(value, Spool):
            value.close()
