"""Parsing and validating a bundle into plain records, file by file in the spec's order.

Every rule of the spec is checked here, against the bundle itself and against data
already in the system (references may point at either). Problems are collected, never
raised, so one run lists all of them."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.core.validators import slug_re
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Client, Dossier, DossierMember, DossierSafeguard, Referrer, Team
from cases.validators import is_valid_bsn
from exchange.source import BundleSource, Problems, Table, open_table
from exchange.spec import BOOLEANS, CODES, FILES_BY_NAME, MAX_LENGTHS
from maatwerk.models import Product, Provider
from zrm.models import Domain, Instrument

Progress = Callable[[str, int, int], None]
LOOKUP_BATCH = 10_000
STEPS = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
CENT = Decimal("0.01")


@dataclass(slots=True)
class DossierRecord:
    team: str
    registered_on: dt.date
    referrer: str | None
    first_contact_on: dt.date | None
    first_contact_location: str
    support_started_on: dt.date | None
    closed_on: dt.date | None
    closure_reason: str
    can_continue_independently: str
    client_rating: int | None
    lead_worker: str


@dataclass(slots=True)
class MeasurementRecord:
    dossier_ref: str
    client_ref: str | None
    instrument: str
    type: str
    measured_on: dt.date
    scores: dict[str, int]  # {domain code: step}, canonical (sorted)


@dataclass(slots=True)
class ReferralRecord:
    dossier_ref: str
    client_ref: str | None
    product: str
    provider: str
    form: str
    status: str
    requested_on: dt.date | None
    decided_on: dt.date | None
    starts_on: dt.date | None
    ends_on: dt.date | None


@dataclass
class Parsed:
    """What a valid bundle will store, keyed by the source system's keys."""

    teams: dict = field(default_factory=dict)  # code -> (name, population, fte)
    referrers: dict = field(default_factory=dict)  # code -> (name, self_referral)
    providers: dict = field(default_factory=dict)  # code -> name
    products: dict = field(default_factory=dict)  # code -> (name, category)
    clients: dict = field(default_factory=dict)  # ref -> (bsn, birth_date, gender, postcode)
    dossiers: dict = field(default_factory=dict)  # ref -> DossierRecord
    members: dict = field(default_factory=dict)  # (dossier_ref, client_ref) -> role
    safeguards: set = field(default_factory=set)  # (dossier_ref, code)
    measurements: dict = field(default_factory=dict)  # ref -> MeasurementRecord
    referrals: dict = field(default_factory=dict)  # ref -> ReferralRecord
    rows_read: dict = field(default_factory=dict)  # file -> rows
    # every key a file names, also on rows with problems: a reference to such a row is not
    # reported again as "does not exist" (the row's own problem is the one to fix)
    named: dict = field(default_factory=dict)  # file -> set of keys
    # resolved against the database
    existing_dossiers: dict = field(default_factory=dict)  # ref -> (id, registered_on, closed_on)
    lead_workers: dict = field(default_factory=dict)  # username -> user id


class Cells:
    """One row's cells with converters that record problems instead of raising."""

    __slots__ = ("cells", "dates", "index", "line", "name", "ok", "problems", "today")

    def __init__(self, table: Table, line: int, cells: list[str], problems: Problems, today: dt.date, dates: dict):
        self.name, self.index, self.line, self.cells = table.name, table.index, line, cells
        self.problems, self.today, self.dates, self.ok = problems, today, dates, True

    def error(self, column: str, message: str) -> None:
        self.ok = False
        self.problems.add(self.name, self.line, column, message)

    def text(self, column: str) -> str:
        position = self.index.get(column)
        return "" if position is None else self.cells[position]

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            self.error(column, _("a value is required"))
        return value

    def code(self, column: str, codes=None) -> str:
        value = self.text(column)
        if value and value not in (codes or CODES[column]):
            self.error(column, _("unknown code %(value)r (allowed: %(allowed)s)")
                       % {"value": value, "allowed": ", ".join(sorted(codes or CODES[column]))})
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
    def __init__(self, source: BundleSource, problems: Problems, progress: Progress | None = None):
        self.source, self.problems = source, problems
        self.progress = progress or (lambda *args: None)
        self.today = timezone.localdate()
        self.parsed = Parsed()
        self.instruments = {
            i.code: {d.code: d.pk for d in i.domains.all()} for i in Instrument.objects.prefetch_related("domains")
        }
        self.domain_codes = frozenset(Domain.objects.values_list("code", flat=True))
        self._tables: dict[str, Table | None] = {}
        self._dates: dict[str, dt.date] = {}

    # ---- helpers -------------------------------------------------------------------------

    def _table(self, name: str) -> Table | None:
        """Each file is decoded and its header checked once; problems are reported once."""
        if name not in self._tables:
            self._tables[name] = open_table(self.source, FILES_BY_NAME[name], self.problems, self.domain_codes)
        return self._tables[name]

    def _rows(self, name: str):
        table = self._table(name)
        if table is None:
            return None, ()
        return table, self._counted(table)

    def _counted(self, table: Table):
        count = 0
        limits = [(table.index[c], c, n) for c, n in MAX_LENGTHS.get(table.name, {}).items() if c in table.index]
        for line, cells in table.rows(self.problems):
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

    def _unique(self, row: Cells, column: str, seen: dict) -> str | None:
        key = row.required(column)
        if key in seen:
            row.error(column, _("duplicate key %(key)r (also on line %(line)d)") % {"key": key, "line": seen[key]})
            return None
        seen[key] = row.line
        return key or None

    def _code(self, row: Cells, key: str | None) -> str | None:
        """A catalogue code (team, referrer, provider, product) is a slug."""
        if key and not slug_re.match(key):
            row.error("code", _("%(value)r is not a code (letters, digits, - and _ only)") % {"value": key})
        return key

    def _named(self, name: str, seen: dict) -> set:
        """The keys a file names (valid rows or not)."""
        self.parsed.named[name] = keys = set(seen)
        return keys

    def _unreadable(self, name: str) -> bool:
        """A file of the bundle that could not be read completely (encoding, header, quoting):
        its keys are unknown, so references to it are not reported as missing."""
        if name not in self.source:
            return False
        table = self._table(name)
        return table is None or table.broken

    def _exists(self, row: Cells, column: str, value: str, known: Iterable, file: str) -> bool:
        if value and value not in known and not self._unreadable(file):
            row.error(column, _("%(value)r does not exist in the bundle or the system") % {"value": value})
            return False
        return True

    # ---- files ---------------------------------------------------------------------------

    def parse(self) -> Parsed:
        self.parse_teams()
        self.parse_catalogue()
        self.parse_clients()
        self.parse_dossiers()
        self.parse_members()
        self.parse_safeguards()
        self.parse_zrm()
        self.parse_referrals()
        return self.parsed

    def parse_teams(self) -> None:
        seen: dict = {}
        _table, rows = self._rows("teams.csv")
        for row in rows:
            code, name = self._code(row, self._unique(row, "code", seen)), row.required("name")
            population = row.integer("population", 0, 100_000_000)
            fte = None
            if row.text("fte"):
                try:
                    fte = Decimal(row.text("fte"))
                    if not fte.is_finite() or fte < 0 or fte >= 100_000 or fte != fte.quantize(CENT):
                        raise InvalidOperation
                except InvalidOperation:
                    row.error("fte", _("%(value)r is not a number from 0 with at most 2 decimals")
                              % {"value": row.text("fte")})
            if row.ok:
                self.parsed.teams[code] = (name, population, fte)
        self.team_codes = self._named("teams.csv", seen) | set(Team.objects.values_list("code", flat=True))

    def parse_catalogue(self) -> None:
        seen: dict = {}
        _table, rows = self._rows("referrers.csv")
        for row in rows:
            code, name = self._code(row, self._unique(row, "code", seen)), row.required("name")
            flag = row.text("self_referral")
            if flag and flag not in BOOLEANS:
                row.error("self_referral", _("use true or false"))
            if row.ok:
                self.parsed.referrers[code] = (name, BOOLEANS.get(flag, False))
        self.referrer_codes = self._named("referrers.csv", seen) | set(Referrer.objects.values_list("code", flat=True))
        seen = {}
        _table, rows = self._rows("providers.csv")
        for row in rows:
            code, name = self._code(row, self._unique(row, "code", seen)), row.required("name")
            if row.ok:
                self.parsed.providers[code] = name
        self.provider_codes = self._named("providers.csv", seen) | set(Provider.objects.values_list("code", flat=True))
        seen = {}
        _table, rows = self._rows("products.csv")
        for row in rows:
            code, name = self._code(row, self._unique(row, "code", seen)), row.required("name")
            category = row.required("category") and row.code("category")
            if row.ok:
                self.parsed.products[code] = (name, category)
        self.product_codes = self._named("products.csv", seen) | set(Product.objects.values_list("code", flat=True))

    def parse_clients(self) -> None:
        seen: dict = {}
        _table, rows = self._rows("clients.csv")
        for row in rows:
            ref = self._unique(row, "client_ref", seen)
            bsn = row.text("bsn")
            if bsn and not is_valid_bsn(bsn):
                row.error("bsn", _("%(value)r fails the elfproef (9 digits)") % {"value": bsn})
            birth_date = row.date("birth_date")
            gender = row.code("gender")
            postcode = row.text("postcode")
            if postcode and not (len(postcode) == 6 and postcode[:4].isdigit() and postcode[0] != "0"
                                 and postcode[4:].isalpha() and postcode[4:].isupper() and postcode.isascii()):
                row.error("postcode", _("%(value)r is not a postcode like 3511AB") % {"value": postcode})
            if row.ok:
                self.parsed.clients[ref] = (bsn, birth_date, gender, postcode)
        self._named("clients.csv", seen)

    def parse_dossiers(self) -> None:
        seen: dict = {}
        _table, rows = self._rows("dossiers.csv")
        for row in rows:
            ref = self._unique(row, "dossier_ref", seen)
            team = row.required("team")
            self._exists(row, "team", team, self.team_codes, "teams.csv")
            registered_on = row.required("registered_on") and row.date("registered_on")
            referrer = row.text("referrer")
            self._exists(row, "referrer", referrer, self.referrer_codes, "referrers.csv")
            first_contact_on = row.date("first_contact_on")
            support_started_on = row.date("support_started_on")
            closed_on = row.date("closed_on")
            for column, value in (("first_contact_on", first_contact_on), ("support_started_on", support_started_on),
                                  ("closed_on", closed_on)):
                row.not_before(column, value, "registered_on", registered_on or None)
            location = row.code("first_contact_location")
            closure_reason = row.code("closure_reason")
            can_continue = row.code("can_continue_independently")
            rating = row.integer("client_rating", 1, 10)
            # Whether the dossier is closed follows from the cell, also when its date is invalid.
            if row.text("closed_on") and not row.text("closure_reason"):
                row.error("closure_reason", _("required when closed_on is set"))
            if not row.text("closed_on"):
                for column in ("closure_reason", "can_continue_independently", "client_rating"):
                    if row.text(column):
                        row.error(column, _("only allowed on a closed dossier (closed_on is empty)"))
            if row.ok:
                self.parsed.dossiers[ref] = DossierRecord(
                    team, registered_on, referrer or None, first_contact_on, location,
                    support_started_on, closed_on, closure_reason, can_continue, rating, row.text("lead_worker"),
                )
        self._named("dossiers.csv", seen)
        self._open_with_safeguards(seen)
        self._resolve_lead_workers()

    def _open_with_safeguards(self, lines: dict) -> None:
        """An import never deletes, so it cannot reopen a dossier that has safeguards in the system
        (reopening in the application removes them)."""
        open_refs = sorted(ref for ref, record in self.parsed.dossiers.items() if record.closed_on is None)
        for batch in _batches(open_refs):
            refs = DossierSafeguard.objects.filter(dossier__ref__in=batch).values_list("dossier__ref", flat=True)
            for ref in sorted(set(refs)):
                self.problems.add("dossiers.csv", lines[ref], "closed_on",
                                  _("required: the dossier has safeguards in the system, which an import "
                                    "does not remove"))

    def _resolve_lead_workers(self) -> None:
        names = {d.lead_worker for d in self.parsed.dossiers.values() if d.lead_worker}
        users = get_user_model().objects
        for batch in _batches(sorted(names)):
            self.parsed.lead_workers.update(users.filter(username__in=batch).values_list("username", "id"))

    def _dossier_refs(self, refs: set[str]) -> None:
        """Look up dossiers named by later files that the bundle itself does not hold."""
        in_bundle = self.parsed.named.get("dossiers.csv", ())
        missing = sorted(r for r in refs if r not in in_bundle and r not in self.parsed.existing_dossiers)
        for batch in _batches(missing):
            for ref, pk, registered_on, closed_on in Dossier.objects.filter(ref__in=batch).values_list(
                "ref", "id", "registered_on", "closed_on"
            ):
                self.parsed.existing_dossiers[ref] = (pk, registered_on, closed_on)

    def _dossier(self, row: Cells, ref: str) -> tuple[dt.date, dt.date | None] | None:
        """(registered_on, closed_on) of a dossier in the bundle or the system."""
        record = self.parsed.dossiers.get(ref)
        if record is not None:
            return record.registered_on, record.closed_on
        existing = self.parsed.existing_dossiers.get(ref)
        if existing is not None:
            return existing[1], existing[2]
        # A dossier on a row with problems of its own, or in an unreadable dossiers.csv, is not reported again.
        if ref and ref not in self.parsed.named.get("dossiers.csv", ()) and not self._unreadable("dossiers.csv"):
            row.error("dossier_ref", _("%(value)r does not exist in the bundle or the system") % {"value": ref})
        return None

    def _client_refs(self, refs: set[str]) -> set[str]:
        known = refs & self.parsed.named.get("clients.csv", set())
        for batch in _batches(sorted(refs - known)):
            known.update(Client.objects.filter(ref__in=batch).values_list("ref", flat=True))
        return known

    def _collect(self, name: str) -> tuple[set[str], set[str], set[tuple[str, str]]]:
        """First pass over a file: the dossiers and clients it names, and the (dossier, client)
        pairs, so they can be looked up in the system in batches."""
        dossiers: set[str] = set()
        clients: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        table = self._table(name)
        if table is not None and "dossier_ref" in table.index:
            d, c = table.index["dossier_ref"], table.index.get("client_ref")
            for _line, cells in table.rows(Problems()):
                dossiers.add(cells[d])
                if c is not None and cells[c]:
                    clients.add(cells[c])
                    pairs.add((cells[d], cells[c]))
        return dossiers, clients, pairs

    def parse_members(self) -> None:
        dossier_refs, client_refs, _pairs = self._collect("dossier_clients.csv")
        self._dossier_refs(dossier_refs)
        known_clients = self._client_refs(client_refs)
        _table, rows = self._rows("dossier_clients.csv")
        seen: dict = {}
        for row in rows:
            dossier_ref, client_ref = row.required("dossier_ref"), row.required("client_ref")
            self._dossier(row, dossier_ref)
            self._exists(row, "client_ref", client_ref, known_clients, "clients.csv")
            role = row.code("role")
            if (dossier_ref, client_ref) in seen:
                row.error("client_ref", _("this member is listed twice (also on line %(line)d)")
                          % {"line": seen[(dossier_ref, client_ref)]})
            else:
                seen[(dossier_ref, client_ref)] = row.line
            if row.ok:
                self.parsed.members[(dossier_ref, client_ref)] = role
        self._named("dossier_clients.csv", seen)

    def parse_safeguards(self) -> None:
        self._dossier_refs(self._collect("dossier_safeguards.csv")[0])
        _table, rows = self._rows("dossier_safeguards.csv")
        seen: dict = {}
        for row in rows:
            dossier_ref, code = row.required("dossier_ref"), row.required("safeguard") and row.code("safeguard")
            dates = self._dossier(row, dossier_ref)
            if dates is not None and dates[1] is None:
                row.error("safeguard", _("safeguards are only allowed on a closed dossier"))
            if code and (dossier_ref, code) in seen:
                row.error("safeguard", _("this safeguard is listed twice for the dossier (also on line %(line)d)")
                          % {"line": seen[(dossier_ref, code)]})
            else:
                seen[(dossier_ref, code)] = row.line
            if row.ok:
                self.parsed.safeguards.add((dossier_ref, code))

    def _members_of(self, pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which (dossier_ref, client_ref) pairs are memberships, in the bundle or the system.

        An import never deletes, so a membership in the system counts also when the bundle
        holds the dossier itself (a corrected bundle without dossier_clients.csv)."""
        known = pairs & self.parsed.named.get("dossier_clients.csv", set())
        unknown = sorted({d for d, _c in pairs - known})
        for batch in _batches(unknown):
            known.update(
                DossierMember.objects.filter(dossier__ref__in=batch).values_list("dossier__ref", "client__ref")
            )
        return known

    def _member(self, row: Cells, dossier_ref: str, client_ref: str, members: set) -> None:
        """Called only for a dossier that exists (so a missing dossier is reported once)."""
        if (client_ref and dossier_ref and (dossier_ref, client_ref) not in members
                and not self._unreadable("dossier_clients.csv")):
            row.error("client_ref", _("%(client)r is not a member of dossier %(dossier)r")
                      % {"client": client_ref, "dossier": dossier_ref})

    def parse_zrm(self) -> None:
        dossier_refs, _clients, pairs = self._collect("zrm.csv")
        self._dossier_refs(dossier_refs)
        members = self._members_of(pairs)
        table, rows = self._rows("zrm.csv")
        if table is None:
            return
        domain_names = sorted(c for c in table.index if c in self.domain_codes)  # scores come out sorted
        domain_positions = [table.index[c] for c in domain_names]
        seen: dict = {}
        used: dict[str, int] = {}
        for row in rows:
            ref = self._unique(row, "measurement_ref", seen)
            dossier_ref, client_ref = row.required("dossier_ref"), row.text("client_ref")
            instrument = row.required("instrument") and row.code("instrument", self.instruments.keys())
            kind = row.required("type") and row.code("type")
            measured_on = row.required("measured_on") and row.date("measured_on")
            dates = self._dossier(row, dossier_ref)
            if dates and measured_on:
                row.not_before("measured_on", measured_on, "registered_on", dates[0])
            if dates:
                self._member(row, dossier_ref, client_ref, members)
            scores = {}
            domains = self.instruments.get(instrument, {})
            cells = map(row.cells.__getitem__, domain_positions)
            for column, value in [(c, v) for c, v in zip(domain_names, cells, strict=True) if v]:
                step = STEPS.get(value)
                if column not in domains:
                    if instrument:
                        row.error(column, _("not a domain of %(instrument)s") % {"instrument": instrument})
                elif step is not None:
                    scores[column] = step
                else:
                    row.error(column, _("score %(value)r must be 1 to 5, or empty (not applicable)")
                              % {"value": value})
            if instrument:
                used.setdefault(instrument, row.line)
            if row.ok:
                self.parsed.measurements[ref] = MeasurementRecord(
                    dossier_ref, client_ref or None, instrument, kind, measured_on, scores
                )
        for instrument, line in used.items():
            for code in self.instruments[instrument]:
                if code not in table.index:
                    message = _("column missing for instrument %(instrument)s (used on line %(line)d)")
                    self.problems.add(table.name, 1, code, message % {"instrument": instrument, "line": line})

    def parse_referrals(self) -> None:
        dossier_refs, _clients, pairs = self._collect("referrals.csv")
        self._dossier_refs(dossier_refs)
        members = self._members_of(pairs)
        seen: dict = {}
        _table, rows = self._rows("referrals.csv")
        for row in rows:
            ref = self._unique(row, "referral_ref", seen)
            dossier_ref, client_ref = row.required("dossier_ref"), row.text("client_ref")
            if self._dossier(row, dossier_ref):
                self._member(row, dossier_ref, client_ref, members)
            product, provider = row.required("product"), row.required("provider")
            self._exists(row, "product", product, self.product_codes, "products.csv")
            self._exists(row, "provider", provider, self.provider_codes, "providers.csv")
            status = row.required("status") and row.code("status")
            form = row.code("form")
            requested_on, decided_on = row.date("requested_on"), row.date("decided_on")
            starts_on, ends_on = row.date("starts_on", past_only=False), row.date("ends_on", past_only=False)
            if status in ("toegekend", "afgewezen") and not decided_on and not row.text("decided_on"):
                row.error("decided_on", _("required for status %(status)s") % {"status": status})
            row.not_before("decided_on", decided_on, "requested_on", requested_on)
            row.not_before("ends_on", ends_on, "starts_on", starts_on)
            if row.ok:
                self.parsed.referrals[ref] = ReferralRecord(
                    dossier_ref, client_ref or None, product, provider, form, status,
                    requested_on, decided_on, starts_on, ends_on,
                )


def _batches(items: list, size: int = LOOKUP_BATCH):
    for start in range(0, len(items), size):
        yield items[start:start + size]
