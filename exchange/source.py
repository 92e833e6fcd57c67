"""Reading a bundle: a folder or a .zip of UTF-8 CSV files with one header row.

Everything that can go wrong with the bytes (unknown files, wrong encoding, broken
quoting, wrong number of cells, unknown or missing columns) becomes a ``Problem``
with file, line and column; nothing here raises on bad input."""

import codecs
import csv
import io
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cases.bundlespec import FileSpec
from exchange import registry
from exchange.formulas import unescape

csv.field_size_limit(1_000_000)
MAX_ENTRIES = 64  # a bundle has 16 files; a README or two may come along
READ_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


class Problems(list):
    def add(self, file: str, line: int, column: str, message: str) -> None:
        self.append(Problem(file, line, column or "-", message))


class BundleSource:
    """The files of a bundle by name, from a folder or a zip (at its root or in one folder)."""

    def __init__(self, path: str | Path, problems: Problems):
        self.path = Path(path)
        self.problems = problems
        self._files: dict[str, object] = {}
        self._zip: zipfile.ZipFile | None = None
        self.max_bytes = settings.BUNDLE_MAX_UNPACKED_BYTES
        if self.path.is_symlink():
            problems.add(self.path.name, 0, "", _("links are not allowed in a bundle"))
            return
        if self.path.is_dir():
            self._open_folder()
        elif self.path.is_file() and zipfile.is_zipfile(self.path):
            if not self._open_zip():
                return
        else:
            problems.add(self.path.name, 0, "", _("not a folder or a .zip file"))
            return
        for required in registry.required_files():
            if required not in self._files:
                problems.add(required, 0, "", _("required file is missing"))

    def _open_folder(self) -> None:
        """Only regular files directly in the folder: a link (to /etc/passwd, say) or anything
        outside the folder is refused and never read."""
        total = 0
        root = self.path.resolve()
        for child in sorted(self.path.iterdir()):
            if not child.name.endswith(".csv") or child.name.startswith("._"):
                continue
            if child.is_symlink() or not child.is_file() or child.resolve().parent != root:
                self.problems.add(child.name, 0, "", _("links and other special files are not allowed in a bundle"))
                continue
            total += child.stat().st_size
            self._register(child.name, child)
        self._check_size(total)

    def _open_zip(self) -> bool:
        """Sizes and the number of entries are checked on the zip's directory before anything
        is unpacked; unpacking itself stops at the declared size (``read_bytes``)."""
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            self.problems.add(self.path.name, 0, "", _("the .zip file is damaged"))
            return False
        if len(infos) > MAX_ENTRIES:
            self.problems.add(self.path.name, 0, "", _("the .zip file holds %(count)d entries; a bundle holds at "
                                                        "most %(limit)d") % {"count": len(infos), "limit": MAX_ENTRIES})
            return False
        total = 0
        for info in infos:
            if info.is_dir() or info.filename.startswith("__MACOSX/"):
                continue  # macOS adds resource forks in __MACOSX/: not part of the bundle
            name = info.filename.rsplit("/", 1)[-1]
            if stat.S_ISLNK(info.external_attr >> 16):
                self.problems.add(name, 0, "", _("links are not allowed in a bundle"))
                continue
            if name.endswith(".csv") and not name.startswith("._"):
                total += info.file_size
            self._register(name, info)
        return self._check_size(total)

    def _check_size(self, total: int) -> bool:
        if total > self.max_bytes:
            self.problems.add(self.path.name, 0, "", _("the bundle unpacks to %(size)s; at most %(limit)s is allowed")
                              % {"size": filesizeformat(total), "limit": filesizeformat(self.max_bytes)})
            self._files.clear()
            return False
        return True

    def _register(self, name: str, handle) -> None:
        if not name.endswith(".csv") or name.startswith("._"):
            return  # a README, or macOS metadata (._name), is fine
        known = registry.files_by_name()
        if name not in known:
            self.problems.add(name, 0, "", _("unknown file (expected one of: %(files)s)")
                              % {"files": ", ".join(known)})
        elif name in self._files:
            self.problems.add(name, 0, "", _("file occurs more than once"))
        else:
            self._files[name] = handle

    def __contains__(self, name: str) -> bool:
        return name in self._files

    def open(self, name: str):
        """A binary stream of the file's bytes (a zip entry is unpacked as it is read)."""
        handle = self._files[name]
        return Path(handle).open("rb") if self._zip is None else self._zip.open(handle)

    def scan(self, name: str) -> "Scan | None":
        """One pass over the file's bytes, piece by piece (never the whole file in memory):
        its UTF-8 is checked, its lines counted and rare characters noted. None (with a
        problem) when the bytes are not UTF-8 or a damaged or encrypted zip cannot give them.
        A zip entry is never read beyond the size its directory declares."""
        handle = self._files[name]
        limit = self.max_bytes if self._zip is None else min(handle.file_size, self.max_bytes)
        scan = Scan()
        decoder = codecs.getincrementaldecoder("utf-8-sig")()
        offset = 0  # bytes read before this piece
        try:
            with self.open(name) as stream:
                while chunk := stream.read(READ_CHUNK):
                    if offset + len(chunk) > limit:
                        self.problems.add(name, 0, "", _("the file unpacks to more than the .zip declares"))
                        return None
                    pending = len(decoder.getstate()[0])
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError as error:
                        position = max(offset - pending + error.start, 0)
                        self._not_utf8(name, chunk, offset, position, scan)
                        return None
                    scan.lines += chunk.count(b"\n")
                    scan.nul = scan.nul or b"\x00" in chunk
                    scan.quote = scan.quote or b"'" in chunk
                    offset += len(chunk)
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    self._not_utf8(name, b"", offset, offset - len(decoder.getstate()[0]), scan)
                    return None
        except RuntimeError:  # zipfile: "File ... is encrypted, password required"
            self.problems.add(name, 0, "", _("the file is encrypted in the .zip"))
            return None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
            self.problems.add(name, 0, "", _("the file cannot be unpacked: the .zip file is damaged"))
            return None
        return scan

    def _not_utf8(self, name: str, chunk: bytes, offset: int, position: int, scan: "Scan") -> None:
        """The problem of a file that is not UTF-8: its line (counted up to the bad byte)."""
        lines = scan.lines + chunk.count(b"\n", 0, max(position - offset, 0))
        self.problems.add(name, lines + 1, "", _("not UTF-8 encoded (byte %(offset)d)") % {"offset": position})

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()


@dataclass
class Scan:
    """What one pass over a file's bytes found."""

    lines: int = 0
    nul: bool = False  # a NUL character somewhere (reported per cell)
    quote: bool = False  # an apostrophe somewhere (a formula escape may need undoing)


@dataclass
class Table:
    """A file whose bytes are UTF-8 and whose header is usable. Its rows are read from the
    source each time (a stream, never the whole text in memory)."""

    spec: FileSpec
    header: list[str]
    index: dict[str, int]
    source: BundleSource
    scan: Scan
    broken: bool = False  # reading stopped at a quoting error: later rows are unknown

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def total_lines(self) -> int:
        return self.scan.lines

    @cached_property
    def positions(self) -> dict[str, int]:
        """``index`` and every other column of the spec at the position after the last cell
        (the parser appends a blank cell there): a row's cell is one lookup, present or not."""
        blank = len(self.header)
        return {**dict.fromkeys(self.spec.columns, blank), **self.index}

    def rows(self, problems: Problems) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells) per data row; stops at the first quoting error.

        The line number is the line a row starts on (a quoted cell may span lines)."""
        width = len(self.header)
        start = 1
        # Rare cases, checked per row only in files that have them at all.
        nul = self.scan.nul
        special = nul or self.scan.quote
        with self.source.open(self.name) as stream:
            reader = csv.reader(io.TextIOWrapper(stream, encoding="utf-8-sig", newline=""), strict=True)
            try:
                next(reader)
                start = reader.line_num + 1
                for cells in reader:
                    line, start = start, reader.line_num + 1
                    if not cells:
                        continue
                    if len(cells) != width:
                        problems.add(self.name, line, "",
                                     _("expected %(expected)d cells, found %(found)d")
                                     % {"expected": width, "found": len(cells)})
                        continue
                    if special:
                        cells = [unescape(cell) for cell in cells]
                        if nul and any("\x00" in cell for cell in cells):
                            # Reported here; any problem means nothing is stored (COPY would refuse it).
                            for column, cell in zip(self.header, cells, strict=True):
                                if "\x00" in cell:
                                    problems.add(self.name, line, column, _("contains a NUL character"))
                    yield line, cells
            except csv.Error as error:
                self.broken = True
                problems.add(self.name, start, "", _("broken CSV quoting: %(error)s") % {"error": error})


def open_table(source: BundleSource, spec: FileSpec, problems: Problems, extra_columns=frozenset()) -> Table | None:
    """Check a file's bytes and header; None when the file is absent or unusable."""
    if spec.name not in source:
        return None
    scan = source.scan(spec.name)
    if scan is None:
        return None
    try:
        with source.open(spec.name) as stream:
            text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
            header = next(csv.reader(text, strict=True), None)
    except csv.Error as error:
        problems.add(spec.name, 1, "", _("broken CSV quoting: %(error)s") % {"error": error})
        return None
    if not header:
        problems.add(spec.name, 1, "", _("the header row is missing"))
        return None
    usable = True
    allowed = set(spec.columns) | set(extra_columns)
    for column in header:
        if column not in allowed:
            problems.add(spec.name, 1, column, _("unknown column"))
            usable = False
    for column in spec.required:
        if column not in header:
            problems.add(spec.name, 1, column, _("required column is missing"))
            usable = False
    if len(set(header)) != len(header):
        problems.add(spec.name, 1, "", _("a column occurs more than once"))
        usable = False
    if not usable:
        return None
    return Table(spec, header, {c: i for i, c in enumerate(header)}, source, scan)
