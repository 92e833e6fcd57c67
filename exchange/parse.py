"""Parsing and validating a bundle into plain records, file by file in the spec's order.

Every rule of the spec is checked here, against the bundle itself and against data
already in the system (references may point at either). Problems are collected, never
raised, so one run lists all of them."""

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.validators import slug_re
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Client, Dossier, DossierMember
from exchange import registry
from exchange.keys import KeyCheck, Pairs, duplicates
from exchange.source import BundleSource, Problems, Table, open_table
from exchange.spool import Spool, close_all

Progress = Callable[[str, int, int], None]
LOOKUP_BATCH = 10_000
# The files whose keys later files look up (``parsed.named``): only theirs are kept until the
# end of the parse; a file's keys at the cap are millions of strings (docs/adr/0200).
REFERENCED = frozenset({"dossiers.csv", "clients.csv", "dossier_clients.csv", "goals.csv", "referrals.csv",
                        "wmo_meldingen.csv", "signals.csv", "journal.csv"})
# The files whose keys other structures hold again (memberships, measurements' members, owners
# of goals and referrals): interned, they are one string object wherever they are held. Other
# keys are not: the interpreter's table of interned strings only grows (docs/adr/0200).
INTERNED = frozenset({"dossiers.csv", "clients.csv"})


@dataclass
class Parsed:
    """What a valid bundle will store, keyed by the source system's keys."""

    data: dict = field(default_factory=dict)  # file (or part's own key) -> its records, as its part wants them
    rows_read: dict = field(default_factory=dict)  # file -> rows
    # every key a file names, also on rows with problems: a reference to such a row is not
    # reported again as "does not exist" (the row's own problem is the one to fix)
    named: dict = field(default_factory=dict)  # file -> its keys (a set; the members' a keys.Pairs)
    # dossiers named by later files that the bundle does not hold, from the database
    existing_dossiers: dict = field(default_factory=dict)  # ref -> (id, registered_on, closed_on)
    # (registered_on, closed_on) of the bundle's own valid dossiers: set by the cases part
    dossier_dates: dict = field(default_factory=dict)  # ref -> (registered_on, closed_on)

    def release_checks(self) -> None:
        """Drop what only validation needs (the keys of files, the dossiers' dates) before storing."""
        self.named.clear()
        self.dossier_dates.clear()

    def close(self) -> None:
        """Remove the spooled records (``exchange.spool``)."""
        close_all(self.data)


class Cells:
    """One row's cells with converters that record problems instead of raising."""

    __slots__ = ("cells", "codes", "dates", "index", "line", "name", "ok", "problems", "today")

    def __init__(self, table: Table, line: int, cells: list[str], problems: Problems, today: dt.date, dates: dict):
        # every column of the spec has a position; an absent one the blank cell after the last
        self.name, self.index, self.line, self.cells = table.name, table.positions, line, cells
        self.codes = table.spec.codes
        self.problems, self.today, self.dates, self.ok = problems, today, dates, True

    def error(self, column: str, message: str) -> None:
        self.ok = False
        self.problems.add(self.name, self.line, column, message)

    def text(self, column: str) -> str:
        try:
            return self.cells[self.index[column]]
        except KeyError:  # a column the spec does not name (rare)
            return ""

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            self.error(column, _("a value is required"))
        return value

    def code(self, column: str, codes=None) -> str:
        value = self.text(column)
        allowed = codes if codes is not None else self.codes[column]
        if value and value not in allowed:
            self.error(column, _("unknown code %(value)r (allowed: %(allowed)s)")
                       % {"value": value, "allowed": ", ".join(sorted(allowed))})
            return ""
        return value

    def date(self, column: str, *, past_only: bool = True) -> dt.date | None:
        value = self.text(column)
        if not value:
            return None
        parsed = self.dates.get(value)  # a bundle has a few thousand distinct dates: parse each once
        if parsed is None:
            try:
                if len(value) != 10 or value[4] != "-" or value[7] != "-":
                    raise ValueError
                parsed = self.dates[value] = dt.date.fromisoformat(value)
            except ValueError:
                self.error(column, _("invalid date %(value)r (expected YYYY-MM-DD)") % {"value": value})
                return None
        if past_only and parsed > self.today:
            self.error(column, _("date %(value)s lies in the future") % {"value": value})
        return parsed

    def integer(self, column: str, low: int, high: int) -> int | None:
        value = self.text(column)
        if not value:
            return None
        if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
            self.error(column, _("%(value)r is not a whole number from %(low)d to %(high)d")
                       % {"value": value, "low": low, "high": high})
            return None
        return int(value)

    def not_before(self, column: str, value: dt.date | None, earlier_column: str, earlier: dt.date | None):
        if value and earlier and value < earlier:
            self.error(column, _("%(column)s %(value)s lies before %(earlier_column)s %(earlier)s")
                       % {"column": column, "value": value, "earlier_column": earlier_column, "earlier": earlier})


class BundleParser:
    """Reads a bundle part by part (``registry.parts()``, each app's ``bundle.py``) and gives the
    parts the helpers they share: rows with converters, keys, references to dossiers, clients
    and memberships in the bundle or the system. Every helper records problems, none raises."""

    def __init__(self, source: BundleSource, problems: Problems, progress: Progress | None = None):
        self.source, self.problems = source, problems
        self.progress = progress or (lambda *args: None)
        self.today = timezone.localdate()
        self.parsed = Parsed()
        self.files = registry.files_by_name()
        self._extra_columns: dict[str, frozenset[str]] = {}
        self._tables: dict[str, Table | None] = {}
        self._dates: dict[str, dt.date] = {}
        # file -> (key_of, column, message, [(line, key)]): rows whose key an earlier row has (``repeated``)
        self._repeated: dict[str, tuple] = {}

    def parse(self) -> Parsed:
        for part in registry.parts():
            part.parse(self)
            for value in self.parsed.data.values():
                if isinstance(value, Spool):
                    value.flush()  # no part's records wait in a buffer while later parts are checked
        self._report_repeated()
        # Parts run in dependency order; report problems in the order of the spec's files, and
        # within a file by line (a duplicate key is found when the file is done: ``exchange.keys``).
        position = {name: spec.position for name, spec in self.files.items()}
        self.problems.sort(key=lambda problem: (position.get(problem.file, 0), problem.line))
        return self.parsed

    # ---- rows ----------------------------------------------------------------------------

    def table(self, name: str) -> Table | None:
        """Each file is decoded and its header checked once; problems are reported once."""
        if name not in self._tables:
            spec = self.files[name]
            extra = frozenset()
            if spec.extra_columns is not None:
                extra = self._extra_columns.setdefault(name, spec.extra_columns())
            self._tables[name] = open_table(self.source, spec, self.problems, extra)
        return self._tables[name]

    def rows(self, name: str):
        """(table, rows) of a file; (None, ()) when it is absent or unusable."""
        table = self.table(name)
        if table is None:
            return None, ()
        return table, self._counted(table)

    def _counted(self, table: Table):
        count = 0
        limits = [(table.index[c], c, n) for c, n in table.spec.max_lengths.items() if c in table.index]
        for line, cells in table.rows(self.problems):
            cells.append("")  # the cell of every absent column (Table.positions)
            count += 1
            if count % 50_000 == 0:
                self.progress(table.name, count, table.total_lines)
            row = Cells(table, line, cells, self.problems, self.today, self._dates)
            for position, column, limit in limits:
                if len(cells[position]) > limit:
                    row.error(column, _("longer than %(limit)d characters") % {"limit": limit})
            yield row
        self.parsed.rows_read[table.name] = count
        self.progress(table.name, count, count)

    # ---- keys and references ---------------------------------------------------------------

    def spool(self, name: str) -> Spool:
        """A file's valid records, on disk until the store reads them (``exchange.spool``)."""
        spool = self.parsed.data[name] = Spool()
        return spool

    def key_check(self, name: str, column: str) -> KeyCheck:
        """The duplicate check for a large file that no later file looks up: ``unique`` adds
        its keys, ``report_duplicates`` reports them when the file is done (``exchange.keys``)."""
        return KeyCheck(name, column)

    def pairs(self) -> Pairs:
        """An empty set of (dossier_ref, other) pairs held compactly (``exchange.keys``)."""
        return Pairs()

    def unique(self, row: Cells, column: str, seen: set | KeyCheck) -> str | None:
        """The row's key in ``column``; None, and the row invalid, when an earlier row has it."""
        key = row.required(column)
        if isinstance(seen, KeyCheck):
            seen.add(key)
            return key or None
        if row.name in INTERNED:
            key = sys.intern(key)
        if key in seen:
            position = row.index[column]
            self.repeated(row, column, key, lambda cells: cells[position],
                          _("duplicate key %(key)r (also on line %(line)d)"))
            return None
        seen.add(key)
        return key or None

    def repeated(self, row: Cells, column: str, key, key_of: Callable, message: str) -> None:
        """A row whose key (``key_of(cells)``) an earlier row has: invalid now, its problem
        added when the parse is done, with the earlier row's line (``message`` has %(line)d,
        and may have %(key)r). The keys are kept without their lines: at the cap a dict of
        key -> line costs some 50 bytes a key more than a set."""
        row.ok = False
        self._repeated.setdefault(row.name, (key_of, column, message, []))[3].append((row.line, key))

    def first_lines(self, name: str, key_of: Callable, keys: set) -> dict:
        """Key -> the first line that has it, for ``keys``, by reading the file again."""
        table = self.table(name)
        found: dict = {}
        if table is None or not keys:
            return found
        for line, cells in table.rows(Problems()):
            cells.append("")  # the blank cell of every absent column (Table.positions)
            key = key_of(cells)
            if key in keys and key not in found:
                found[key] = line
        return found

    def _report_repeated(self) -> None:
        for name, (key_of, column, message, repeats) in self._repeated.items():
            first = self.first_lines(name, key_of, {key for _line, key in repeats})
            for line, key in repeats:
                self.problems.add(name, line, column, message % {"key": key, "line": first.get(key, 0)})
        self._repeated.clear()

    def report_duplicates(self, check: KeyCheck) -> set[int]:
        """After a file's rows: a problem on each row whose key occurred on an earlier row (the
        message ``unique`` gives with a set); returns those rows' lines."""
        suspects = check.suspects()
        table = self.table(check.file)
        if not suspects or table is None:
            return set()
        found = duplicates(table.rows(Problems()), table.index[check.column], suspects)
        for line, (key, first) in found.items():
            self.problems.add(check.file, line, check.column,
                              _("duplicate key %(key)r (also on line %(line)d)") % {"key": key, "line": first})
        return set(found)

    def cells_at(self, name: str, column: str, lines: set[int]) -> dict[int, str]:
        """Line -> the cell of ``column`` on those lines, by reading the file again (for a
        message that names what only a few rows need; nothing is read when ``lines`` is empty)."""
        table = self.table(name)
        if not lines or table is None or column not in table.index:
            return {}
        position = table.index[column]
        return {line: cells[position] for line, cells in table.rows(Problems()) if line in lines}

    def slug(self, row: Cells, key: str | None) -> str | None:
        """A catalogue code (team, referrer, provider, product) is a slug."""
        if key and not slug_re.match(key):
            row.error("code", _("%(value)r is not a code (letters, digits, - and _ only)") % {"value": key})
        return key

    def named(self, name: str, seen: set, valid=None) -> set:
        """Record the keys a file names (valid rows or not), when later files look them up
        (``REFERENCED``); returns them. With ``valid`` (the valid rows' keys, which the part
        keeps itself and looks in first) only the keys of rows with problems are kept: at the
        cap that is millions of strings fewer."""
        if name not in REFERENCED:
            return seen
        if valid is not None:
            seen = {key for key in seen if key not in valid}
        self.parsed.named[name] = seen
        return seen

    def unreadable(self, name: str) -> bool:
        """A file of the bundle that could not be read completely (encoding, header, quoting):
        its keys are unknown, so references to it are not reported as missing."""
        if name not in self.source:
            return False
        table = self.table(name)
        return table is None or table.broken

    def exists(self, row: Cells, column: str, value: str, known: Iterable, file: str) -> bool:
        if value and value not in known and not self.unreadable(file):
            row.error(column, _("%(value)r does not exist in the bundle or the system") % {"value": value})
            return False
        return True

    def collect(self, name: str, *, pairs: bool = True) -> tuple[set[str], set[str], set[tuple[str, str]]]:
        """First pass over a file: the dossiers and clients it names and (``pairs``) the
        (dossier, client) pairs, that the bundle does not hold, so they can be looked up in the
        system in batches (for a full bundle: none; docs/adr/0200)."""
        dossiers: set[str] = set()
        clients: set[str] = set()
        found: set[tuple[str, str]] = set()
        table = self.table(name)
        if table is not None and "dossier_ref" in table.index:
            held_dossiers, named = self.parsed.dossier_dates, self.parsed.named
            other_dossiers = named.get("dossiers.csv", ())
            held_clients, held_pairs = named.get("clients.csv", ()), named.get("dossier_clients.csv", ())
            d, c = table.index["dossier_ref"], table.index.get("client_ref")
            for _line, cells in table.rows(Problems()):
                dossier = cells[d]
                if dossier not in held_dossiers and dossier not in other_dossiers:
                    dossiers.add(dossier)
                if c is not None and cells[c]:
                    client = cells[c]
                    if client not in held_clients:
                        clients.add(client)
                    if pairs and (dossier, client) not in held_pairs:
                        found.add((dossier, client))
        return dossiers, clients, found

    def holds(self, dossier_ref: str, client_ref: str | None = None) -> bool:
        """Whether the bundle holds the dossier (with ``client_ref``: that membership), valid
        or not: the first passes collect only what it does not hold (``collect``)."""
        if client_ref is not None:
            return (dossier_ref, client_ref) in self.parsed.named.get("dossier_clients.csv", ())
        return dossier_ref in self.parsed.dossier_dates or dossier_ref in self.parsed.named.get("dossiers.csv", ())

    def dossier_refs(self, refs: set[str]) -> None:
        """Look up dossiers named by later files that the bundle itself does not hold."""
        missing = sorted(r for r in refs if not self.holds(r) and r not in self.parsed.existing_dossiers)
        for batch in batches(missing):
            for ref, pk, registered_on, closed_on in Dossier.objects.filter(ref__in=batch).values_list(
                "ref", "id", "registered_on", "closed_on"
            ):
                self.parsed.existing_dossiers[ref] = (pk, registered_on, closed_on)

    def dossier(self, row: Cells, ref: str) -> tuple[dt.date, dt.date | None] | None:
        """(registered_on, closed_on) of a dossier in the bundle or the system."""
        dates = self.parsed.dossier_dates.get(ref)
        if dates is not None:
            return dates
        existing = self.parsed.existing_dossiers.get(ref)
        if existing is not None:
            return existing[1], existing[2]
        # A dossier on a row with problems of its own, or in an unreadable dossiers.csv, is not reported again.
        if ref and ref not in self.parsed.named.get("dossiers.csv", ()) and not self.unreadable("dossiers.csv"):
            row.error("dossier_ref", _("%(value)r does not exist in the bundle or the system") % {"value": ref})
        return None

    def client_refs(self, refs: set[str]) -> "Known":
        """The clients among ``refs`` in the bundle or the system, as a membership test."""
        named = self.parsed.named.get("clients.csv", set())
        found: set[str] = set()
        for batch in batches(sorted(refs - named)):
            found.update(Client.objects.filter(ref__in=batch).values_list("ref", flat=True))
        return Known(named, found)

    def members_of(self, pairs: set[tuple[str, str]]) -> "Known":
        """Which (dossier_ref, client_ref) pairs are memberships, in the bundle or the system.

        An import never deletes, so a membership in the system counts also when the bundle
        holds the dossier itself (a corrected bundle without dossier_clients.csv)."""
        named = self.parsed.named.get("dossier_clients.csv", set())
        unknown = sorted({d for d, c in pairs if (d, c) not in named})
        found: set[tuple[str, str]] = set()
        for batch in batches(unknown):
            found.update(
                DossierMember.objects.filter(dossier__ref__in=batch).values_list("dossier__ref", "client__ref")
            )
        return Known(named, found)

    def member(self, row: Cells, dossier_ref: str, client_ref: str, members: set) -> None:
        """Called only for a dossier that exists (so a missing dossier is reported once)."""
        if (client_ref and dossier_ref and (dossier_ref, client_ref) not in members
                and not self.unreadable("dossier_clients.csv")):
            row.error("client_ref", _("%(client)r is not a member of dossier %(dossier)r")
                      % {"client": client_ref, "dossier": dossier_ref})

    def dossier_rows(self, name: str, *, with_members: bool = True):
        """The common start of a file about dossiers: look up the dossiers (and memberships)
        it names in batches, then its rows. Returns (table, rows, members)."""
        dossier_refs, _clients, pairs = self.collect(name, pairs=with_members)
        self.dossier_refs(dossier_refs)
        members = self.members_of(pairs) if with_members else set()
        del pairs, dossier_refs
        table, rows = self.rows(name)
        return table, rows, members


class Known:
    """What a file may name: the bundle's keys (of clients, or memberships) and those found in
    the system; a membership test, not a copy of either."""

    __slots__ = ("found", "named")

    def __init__(self, named, found: set):
        self.named, self.found = named, found

    def __contains__(self, pair) -> bool:
        return pair in self.named or pair in self.found


def batches(items: list, size: int = LOOKUP_BATCH):
    for start in range(0, len(items), size):
        yield items[start:start + size]
