"""Keys held compactly while a bundle is parsed (docs/adr/0230): the duplicate check of a large
file's keys in 8 bytes a key (``KeyCheck``), and pairs of keys per dossier (``Pairs``).

A file that later files do not look up (measurements, actions, appointments, contacts) needs
its keys only to find duplicates. Held as a dict of key -> line, 1.8 million measurement refs
took about 250 MB; here each key is its 64-bit hash in an array, sorted bucket by bucket when
the file is done. Hashes seen twice are only suspects (two keys may share a hash): a second
reading of the file compares the keys themselves, and only when there are suspects, which in
a valid bundle there almost never are.

The problem is reported after the file's rows, so the duplicate row itself passes the row
checks; nothing is stored when there is any problem, so that does no harm."""

from array import array
from itertools import pairwise

BUCKETS = 256


class KeyCheck:
    """The keys of one column of one file, added row by row (``BundleParser.unique``)."""

    __slots__ = ("_buckets", "column", "file")

    def __init__(self, file: str, column: str) -> None:
        self.file, self.column = file, column
        self._buckets = [array("q") for _ in range(BUCKETS)]

    def add(self, key: str) -> None:
        digest = hash(key)  # a str's hash is a 64-bit SipHash, computed once per string
        self._buckets[digest % BUCKETS].append(digest)

    def suspects(self) -> set[int]:
        """The hashes added more than once; one bucket at a time is sorted as Python ints."""
        found: set[int] = set()
        for bucket in self._buckets:
            ordered = sorted(bucket)
            found.update(a for a, b in pairwise(ordered) if a == b)
        self._buckets = []
        return found


def duplicates(rows, position: int, suspects: set[int]) -> dict[int, tuple[str, int]]:
    """Line -> (key, line of its first occurrence) for every row whose key occurred on an
    earlier row; ``rows`` the file's (line, cells) again, the key at ``position``."""
    first: dict[str, int] = {}
    found: dict[int, tuple[str, int]] = {}
    for line, cells in rows:
        key = cells[position]
        if hash(key) not in suspects:
            continue
        if key in first:
            found[line] = (key, first[key])
        else:
            first[key] = line
    return found


class Pairs:
    """A set of (dossier_ref, other) pairs, such as a bundle's memberships, in one dict entry
    a dossier: its one other key, or a tuple of them (807,000 memberships: about 40 MB, where a
    set of tuples took about 85). Only adding and membership, as the parse uses them."""

    __slots__ = ("_by_dossier",)

    def __init__(self) -> None:
        self._by_dossier: dict[str, str | tuple[str, ...]] = {}

    def add(self, pair: tuple[str, str]) -> None:
        dossier, other = pair
        held = self._by_dossier.get(dossier)
        if held is None:
            self._by_dossier[dossier] = other
        elif isinstance(held, tuple):
            self._by_dossier[dossier] = (*held, other)
        else:
            self._by_dossier[dossier] = (held, other)

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, tuple) or len(pair) != 2:
            return False
        held = self._by_dossier.get(pair[0])
        return held == pair[1] or (isinstance(held, tuple) and pair[1] in held)
