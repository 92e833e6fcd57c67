"""The cases app's bundle files: teams, referrers, clients, dossiers, members, safeguards
(`import-bundle.md`). See ``cases.bundlespec`` for how ``exchange`` uses this ``PART``."""

import datetime as dt
import sys
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from cases.bundlespec import BOOLEANS, BundlePart, FileSpec, max_length
from cases.models import (
    Client,
    ClosureReason,
    Dossier,
    DossierMember,
    DossierSafeguard,
    Gender,
    Location,
    MemberRole,
    Referrer,
    RegieAfter,
    Safeguard,
    Team,
    YesNoUnknown,
)
from cases.validators import is_valid_bsn

CENT = Decimal("0.01")

TEAMS = FileSpec(
    "teams.csv", 1, ("code", "name", "population", "fte"), ("code", "name"),
    max_lengths={"code": max_length(Team, "code"), "name": max_length(Team, "name")},
)
REFERRERS = FileSpec(
    "referrers.csv", 2, ("code", "name", "self_referral"), ("code", "name"),
    max_lengths={"code": max_length(Referrer, "code"), "name": max_length(Referrer, "name")},
)
# The people themselves (import-bundle.md, Additions v3): carried only when the header has them.
PERSON_COLUMNS = ("given_name", "family_name_prefix", "family_name", "address", "phone", "email")
CLIENTS = FileSpec(
    "clients.csv", 5, ("client_ref", "bsn", "birth_date", "gender", "postcode", *PERSON_COLUMNS), ("client_ref",),
    codes={"gender": frozenset(Gender.values)},
    max_lengths={"client_ref": max_length(Client, "ref"), **{c: max_length(Client, c) for c in PERSON_COLUMNS}},
)
DOSSIERS = FileSpec(
    "dossiers.csv", 6,
    ("dossier_ref", "team", "registered_on", "referrer", "first_contact_on", "first_contact_location",
     "support_started_on", "closed_on", "closure_reason", "can_continue_independently", "client_rating",
     "lead_worker", "first_contact_recorded_on", "support_started_recorded_on", "closed_recorded_on",
     "regie_after"),
    ("dossier_ref", "team", "registered_on"),
    codes={
        "first_contact_location": frozenset(Location.values),
        "closure_reason": frozenset(ClosureReason.values),
        "can_continue_independently": frozenset(YesNoUnknown.values),
        "regie_after": frozenset(RegieAfter.values),
    },
    max_lengths={"dossier_ref": max_length(Dossier, "ref"), "lead_worker": max_length(Dossier, "lead_worker_ref")},
)
MEMBERS = FileSpec(
    "dossier_clients.csv", 7, ("dossier_ref", "client_ref", "role"), ("dossier_ref", "client_ref"),
    codes={"role": frozenset(MemberRole.values)},
)
SAFEGUARDS = FileSpec(
    "dossier_safeguards.csv", 8, ("dossier_ref", "safeguard"), ("dossier_ref", "safeguard"),
    codes={"safeguard": frozenset(Safeguard.values)},
)


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
    # plan.md recorded-on dates: the day each date was entered (None: unknown, never the import's day)
    first_contact_recorded_on: dt.date | None = None
    support_started_recorded_on: dt.date | None = None
    closed_recorded_on: dt.date | None = None
    regie_after: str = ""  # client-voice.md: only on closed dossiers


# ---- parse -------------------------------------------------------------------------------

def parse(p) -> None:
    data = p.parsed.data
    # The large files' records wait on disk for the store (``parser.spool``, docs/adr/0200).
    data.update({"teams.csv": {}, "referrers.csv": {}, "lead_workers": {}})
    for name in ("clients.csv", "dossiers.csv", "dossier_clients.csv", "dossier_safeguards.csv"):
        p.spool(name)
    _parse_teams(p)
    _parse_referrers(p)
    _parse_clients(p)
    _parse_dossiers(p)
    _parse_members(p)
    _parse_safeguards(p)


def _parse_teams(p) -> None:
    seen: set[str] = set()
    _table, rows = p.rows("teams.csv")
    for row in rows:
        code, name = p.slug(row, p.unique(row, "code", seen)), row.required("name")
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
            p.parsed.data["teams.csv"][code] = (name, population, fte)
    p.parsed.data["team_codes"] = p.named("teams.csv", seen) | set(Team.objects.values_list("code", flat=True))


def _parse_referrers(p) -> None:
    seen: set[str] = set()
    _table, rows = p.rows("referrers.csv")
    for row in rows:
        code, name = p.slug(row, p.unique(row, "code", seen)), row.required("name")
        flag = row.text("self_referral")
        if flag and flag not in BOOLEANS:
            row.error("self_referral", _("use true or false"))
        if row.ok:
            p.parsed.data["referrers.csv"][code] = (name, BOOLEANS.get(flag, False))
    p.parsed.data["referrer_codes"] = (
        p.named("referrers.csv", seen) | set(Referrer.objects.values_list("code", flat=True))
    )


def _parse_clients(p) -> None:
    seen: set[str] = set()
    table, rows = p.rows("clients.csv")
    # Only the person columns the header has are stored: a bundle without them leaves names alone.
    p.parsed.data["client_person_columns"] = tuple(c for c in PERSON_COLUMNS if table and c in table.index)
    for row in rows:
        ref = p.unique(row, "client_ref", seen)
        bsn = row.text("bsn")
        if bsn and not is_valid_bsn(bsn):
            row.error("bsn", _("%(value)r fails the elfproef (9 digits)") % {"value": bsn})
        birth_date = row.date("birth_date")
        gender = row.code("gender")
        postcode = row.text("postcode")
        if postcode and not (len(postcode) == 6 and postcode[:4].isdigit() and postcode[0] != "0"
                             and postcode[4:].isalpha() and postcode[4:].isupper() and postcode.isascii()):
            row.error("postcode", _("%(value)r is not a postcode like 3511AB") % {"value": postcode})
        email = row.text("email")
        if email and not _valid_email(email):
            row.error("email", _("%(value)r is not an e-mail address") % {"value": email})
        if row.ok:
            p.parsed.data["clients.csv"][ref] = (bsn, birth_date, gender, postcode,
                                                 *(row.text(c) for c in PERSON_COLUMNS))
    p.named("clients.csv", seen)


def _parse_dossiers(p) -> None:
    seen: set[str] = set()
    records = p.parsed.data["dossiers.csv"]
    team_codes, referrer_codes = p.parsed.data["team_codes"], p.parsed.data["referrer_codes"]
    workers: set[str] = set()
    _table, rows = p.rows("dossiers.csv")
    for row in rows:
        ref = p.unique(row, "dossier_ref", seen)
        team = row.required("team")
        p.exists(row, "team", team, team_codes, "teams.csv")
        registered_on = row.required("registered_on") and row.date("registered_on")
        referrer = row.text("referrer")
        p.exists(row, "referrer", referrer, referrer_codes, "referrers.csv")
        first_contact_on = row.date("first_contact_on")
        support_started_on = row.date("support_started_on")
        closed_on = row.date("closed_on")
        for column, value in (("first_contact_on", first_contact_on), ("support_started_on", support_started_on),
                              ("closed_on", closed_on)):
            row.not_before(column, value, "registered_on", registered_on or None)
        recorded = {}
        for date, value in (("first_contact", first_contact_on), ("support_started", support_started_on),
                            ("closed", closed_on)):
            column = f"{date}_recorded_on"
            recorded[column] = row.date(column)  # <= today
            if row.text(column) and not row.text(f"{date}_on"):
                row.error(column, _("only with %(column)s") % {"column": f"{date}_on"})
            row.not_before(column, recorded[column], f"{date}_on", value)
        location = row.code("first_contact_location")
        closure_reason = row.code("closure_reason")
        can_continue = row.code("can_continue_independently")
        rating = row.integer("client_rating", 1, 10)
        # Whether the dossier is closed follows from the cell, also when its date is invalid.
        if row.text("closed_on") and not row.text("closure_reason"):
            row.error("closure_reason", _("required when closed_on is set"))
        regie_after = row.code("regie_after")
        if not row.text("closed_on"):
            for column in ("closure_reason", "can_continue_independently", "client_rating", "regie_after"):
                if row.text(column):
                    row.error(column, _("only allowed on a closed dossier (closed_on is empty)"))
        if row.ok:
            records[ref] = DossierRecord(
                team, registered_on, referrer or None, first_contact_on, location,
                support_started_on, closed_on, closure_reason, can_continue, rating, row.text("lead_worker"),
                **recorded, regie_after=regie_after,
            )
            p.parsed.dossier_dates[ref] = (registered_on, closed_on)
            if record_worker := row.text("lead_worker"):
                workers.add(record_worker)
    p.named("dossiers.csv", seen, valid=p.parsed.dossier_dates)
    _open_with_safeguards(p)
    _resolve_lead_workers(p, workers)


def _open_with_safeguards(p) -> None:
    """An import never deletes, so it cannot reopen a dossier that has safeguards in the system
    (reopening in the application removes them)."""
    open_refs = sorted(ref for ref, (_registered, closed_on) in p.parsed.dossier_dates.items() if closed_on is None)
    found: set[str] = set()
    for batch in _batches(open_refs):
        found.update(DossierSafeguard.objects.filter(dossier__ref__in=batch).values_list("dossier__ref", flat=True))
    position = p.table("dossiers.csv").index["dossier_ref"] if found else 0
    for line in sorted(p.first_lines("dossiers.csv", lambda cells: cells[position], found).values()):
        p.problems.add("dossiers.csv", line, "closed_on",
                       _("required: the dossier has safeguards in the system, which an import "
                         "does not remove"))


def _resolve_lead_workers(p, names: set[str]) -> None:
    users = get_user_model().objects
    for batch in _batches(sorted(names)):
        p.parsed.data["lead_workers"].update(users.filter(username__in=batch).values_list("username", "id"))


def unknown_lead_workers(data: dict) -> tuple[int, list[str]]:
    """Dossiers whose lead worker matches no user (they arrive without a regisseur, the name
    kept as text) and up to five of those names: the import report warns about them."""
    workers = data.get("lead_workers", {})
    unknown = [d.lead_worker for d in data.get("dossiers.csv", {}).values()
               if d.lead_worker and d.lead_worker not in workers]
    return len(unknown), sorted(set(unknown))[:5]


def _parse_members(p) -> None:
    dossier_refs, client_refs, _pairs = p.collect("dossier_clients.csv", pairs=False)
    p.dossier_refs(dossier_refs)
    known_clients = p.client_refs(client_refs)
    table, rows = p.rows("dossier_clients.csv")
    pair_of = _pair_of(table, "client_ref")
    seen = p.pairs()
    for row in rows:
        # the same string objects as the dossiers' and clients' keys (``parser.unique``)
        dossier_ref, client_ref = sys.intern(row.required("dossier_ref")), sys.intern(row.required("client_ref"))
        p.dossier(row, dossier_ref)
        p.exists(row, "client_ref", client_ref, known_clients, "clients.csv")
        role = row.code("role")
        if (dossier_ref, client_ref) in seen:
            p.repeated(row, "client_ref", (dossier_ref, client_ref), pair_of,
                       _("this member is listed twice (also on line %(line)d)"))
        else:
            seen.add((dossier_ref, client_ref))
        if row.ok:
            p.parsed.data["dossier_clients.csv"][(dossier_ref, client_ref)] = role
    p.named("dossier_clients.csv", seen)


def _parse_safeguards(p) -> None:
    p.dossier_refs(p.collect("dossier_safeguards.csv", pairs=False)[0])
    table, rows = p.rows("dossier_safeguards.csv")
    pair_of = _pair_of(table, "safeguard")
    seen = p.pairs()
    for row in rows:
        dossier_ref = row.required("dossier_ref")
        code = row.required("safeguard") and sys.intern(row.code("safeguard"))  # one of a few codes
        dates = p.dossier(row, dossier_ref)
        if dates is not None and dates[1] is None:
            row.error("safeguard", _("safeguards are only allowed on a closed dossier"))
        if code and (dossier_ref, code) in seen:
            p.repeated(row, "safeguard", (dossier_ref, code), pair_of,
                       _("this safeguard is listed twice for the dossier (also on line %(line)d)"))
        else:
            seen.add((dossier_ref, code))
        if row.ok:
            p.parsed.data["dossier_safeguards.csv"].add((dossier_ref, code))


def _pair_of(table, column: str):
    """(dossier_ref, ``column``) of a row's cells: the key of a membership or a safeguard."""
    if table is None:
        return None
    dossier, other = table.positions["dossier_ref"], table.positions[column]
    return lambda cells: (cells[dossier], cells[other])


def _valid_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _batches(items: list, size: int = 10_000):
    for start in range(0, len(items), size):
        yield items[start:start + size]


# ---- store -------------------------------------------------------------------------------

def store(s, parsed) -> None:
    """Columns the bundle does not carry (the request for help; a client's name and contact
    details when clients.csv has no such columns) are set on insert and never overwritten."""
    data, now = parsed.data, s.now
    s.upsert("teams.csv", "cases_team", ("code", "name", "population", "fte"),
             ((c, n, pop, f) for c, (n, pop, f) in data["teams.csv"].items()),
             key=("code",), compare=("name", "population", "fte"))
    s.upsert("referrers.csv", "cases_referrer", ("code", "name", "self_referral", "active"),
             ((c, n, flag, True) for c, (n, flag) in data["referrers.csv"].items()),
             key=("code",), compare=("name", "self_referral"))
    team_codes, referrer_codes = set(), set()
    for d in data["dossiers.csv"].values():  # one reading of the spooled dossiers for both
        team_codes.add(d.team)
        if d.referrer:
            referrer_codes.add(d.referrer)
    teams = s.lookup("cases_team", "code", team_codes)
    referrers = s.lookup("cases_referrer", "code", referrer_codes)

    clients = s.upsert(
        "clients.csv", "cases_client",
        ("ref", "bsn", "birth_date", "gender", "postcode", *PERSON_COLUMNS, "created_at", "updated_at"),
        ((ref, *values, now, now) for ref, values in data["clients.csv"].items()),
        key=("ref",), compare=("bsn", "birth_date", "gender", "postcode", *data["client_person_columns"]),
        touch=("updated_at",), ids=True,
    )
    # Members the bundle does not hold as clients are in the database (validation made sure).
    members = data["dossier_clients.csv"]
    clients.update(s.lookup("cases_client", "ref", {c for _d, c in members if c not in clients}))
    s.ids["clients"] = clients

    workers = data["lead_workers"]
    dossiers = s.upsert(
        "dossiers.csv", "cases_dossier",
        ("ref", "team_id", "lead_worker_id", "lead_worker_ref", "referrer_id", "registered_on",
         "first_contact_on", "first_contact_location", "support_started_on", "closed_on", "closure_reason",
         "can_continue_independently", "client_rating", "first_contact_recorded_on", "support_started_recorded_on",
         "closed_recorded_on", "regie_after", "request_summary", "created_at", "updated_at"),
        (
            (ref, teams[d.team], workers.get(d.lead_worker), "" if d.lead_worker in workers else d.lead_worker,
             referrers.get(d.referrer), d.registered_on, d.first_contact_on, d.first_contact_location,
             d.support_started_on, d.closed_on, d.closure_reason, d.can_continue_independently, d.client_rating,
             d.first_contact_recorded_on, d.support_started_recorded_on, d.closed_recorded_on, d.regie_after, "",
             now, now)
            for ref, d in data["dossiers.csv"].items()
        ),
        key=("ref",),
        compare=("team_id", "lead_worker_id", "lead_worker_ref", "referrer_id", "registered_on",
                 "first_contact_on", "first_contact_location", "support_started_on", "closed_on",
                 "closure_reason", "can_continue_independently", "client_rating", "first_contact_recorded_on",
                 "support_started_recorded_on", "closed_recorded_on", "regie_after"),
        touch=("updated_at",), ids=True,
    )
    dossiers.update({ref: values[0] for ref, values in parsed.existing_dossiers.items()})
    s.ids["dossiers"] = dossiers

    s.upsert("dossier_clients.csv", "cases_dossiermember", ("dossier_id", "client_id", "role"),
             ((dossiers[d], clients[c], role) for (d, c), role in members.items()),
             key=("dossier_id", "client_id"), compare=("role",))
    s.upsert("dossier_safeguards.csv", "cases_dossiersafeguard", ("dossier_id", "safeguard"),
             ((dossiers[d], code) for d, code in data["dossier_safeguards.csv"]), key=("dossier_id", "safeguard"))


# ---- export ------------------------------------------------------------------------------

def export(writer, scope) -> None:
    dossiers = scope.dossiers
    members = DossierMember.objects.filter(dossier__in=scope.dossier_ids)
    if scope.client is not None:
        members = members.filter(client=scope.client)  # not the other members' data
    clients = Client.objects.filter(pk__in=members.values("client_id"))
    teams = Team.objects.all()
    if scope.team is not None or scope.client is not None:
        teams = teams.filter(pk__in=dossiers.values("team_id"))
    rows = writer.rows
    writer.write(TEAMS, rows(teams.order_by("code"), "code", "name", "population", "fte"))
    writer.write(REFERRERS, rows(Referrer.objects.order_by("code"), "code", "name", "self_referral"))
    writer.write(CLIENTS, rows(clients.order_by("pk"), "ref", "bsn", "birth_date", "gender", "postcode",
                               *PERSON_COLUMNS))
    writer.write(DOSSIERS, (
        (*row[:11], row[11] or row[12], *row[13:])
        for row in rows(
            dossiers.order_by("pk"), "ref", "team__code", "registered_on", "referrer__code", "first_contact_on",
            "first_contact_location", "support_started_on", "closed_on", "closure_reason",
            "can_continue_independently", "client_rating", "lead_worker__username", "lead_worker_ref",
            "first_contact_recorded_on", "support_started_recorded_on", "closed_recorded_on", "regie_after",
        )
    ))
    writer.write(MEMBERS, rows(members.order_by("pk"), "dossier__ref", "client__ref", "role"))
    safeguards = DossierSafeguard.objects.filter(dossier__in=scope.dossier_ids).order_by("pk")
    writer.write(SAFEGUARDS, rows(safeguards, "dossier__ref", "safeguard"))


PART = BundlePart(
    app="cases", order=10, files=(TEAMS, REFERRERS, CLIENTS, DOSSIERS, MEMBERS, SAFEGUARDS),
    parse=parse, store=store, export=export, required_file="dossiers.csv",
)
