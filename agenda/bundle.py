"""The agenda's bundle file ``appointments.csv`` (docs/appointments-bundle.md): one row per
appointment. See ``cases.bundlespec``.

- ``starts_at``/``ends_at`` ISO 8601 with the UTC offset (``2026-12-07T10:00:00+01:00``);
  ``ends_at`` after ``starts_at`` on the same day (Europe/Amsterdam), at most 12 hours;
  the start not before the dossier's ``registered_on``.
- ``workers``: usernames separated by ``;`` (at least one); names that match no user are
  kept as the source system's (``worker_refs``), like a dossier's lead worker;
  ``member_refs``: client refs separated by ``;``, each a member of the dossier.
- ``outcome`` empty (planned), ``gehouden``, ``niet_verschenen``, ``afgezegd``;
  ``cancelled_by`` only (and required) with ``afgezegd``; ``outcome_recorded_on`` and
  ``outcome_by`` only with an outcome; ``outcome_by`` a username (else kept as ``outcome_by_ref``).

An import never deletes: workers and members a row names are added to the appointment."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.models import Appointment, CancelledBy, Kind, Outcome
from agenda.services import MAX_HOURS
from cases.bundlespec import BundlePart, FileSpec, max_length
from cases.models import Location

APPOINTMENTS = FileSpec(
    "appointments.csv", 16,
    ("appointment_ref", "dossier_ref", "kind", "starts_at", "ends_at", "place_kind", "place", "workers",
     "member_refs", "outcome", "cancelled_by", "outcome_recorded_on", "outcome_by"),
    ("appointment_ref", "dossier_ref", "kind", "starts_at", "ends_at", "place_kind", "workers"),
    codes={"kind": frozenset(Kind.values), "place_kind": frozenset(Location.values),
           "outcome": frozenset(v for v in Outcome.values if v), "cancelled_by": frozenset(CancelledBy.values)},
    max_lengths={"appointment_ref": max_length(Appointment, "ref"), "place": max_length(Appointment, "place")},
)
SEPARATOR = ";"
BATCH = 10_000


@dataclass(slots=True)
class AppointmentRecord:
    dossier_ref: str
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place_kind: str
    place: str
    workers: tuple[str, ...]
    members: tuple[str, ...]
    outcome: str
    cancelled_by: str
    outcome_recorded_on: dt.date | None
    outcome_by: str


def _moment(row: Any, column: str) -> dt.datetime | None:
    value = row.text(column)
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        row.error(column, _("invalid moment %(value)r (expected YYYY-MM-DDTHH:MM:SS+01:00)") % {"value": value})
        return None
    return moment


def _split(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in value.split(SEPARATOR) if part.strip()))


def _users(names: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    ordered = sorted(names)
    for start in range(0, len(ordered), BATCH):
        found.update(get_user_model().objects.filter(username__in=ordered[start:start + BATCH])
                     .values_list("username", "id"))
    return found


def _check_row(p: Any, row: Any, members: set[tuple[str, str]], zone: Any = None) -> AppointmentRecord | None:
    zone = zone or timezone.get_current_timezone()  # looked up once per file by parse()
    dossier_ref = row.required("dossier_ref")
    kind = row.required("kind") and row.code("kind")
    place_kind = row.required("place_kind") and row.code("place_kind")
    starts_at, ends_at = row.required("starts_at") and _moment(row, "starts_at"), \
        row.required("ends_at") and _moment(row, "ends_at")
    if starts_at and ends_at:
        if ends_at <= starts_at:
            row.error("ends_at", _("ends_at must be after starts_at"))
        elif ends_at - starts_at > dt.timedelta(hours=MAX_HOURS) or \
                starts_at.astimezone(zone).date() != ends_at.astimezone(zone).date():
            row.error("ends_at", _("an appointment ends on its day, at most %(hours)d hours after it starts")
                      % {"hours": MAX_HOURS})
    workers = _split(row.required("workers"))
    outcome, cancelled_by = row.code("outcome"), row.code("cancelled_by")
    if (outcome == Outcome.CANCELLED) != bool(cancelled_by):
        row.error("cancelled_by", _("cancelled_by is required with afgezegd and allowed only then"))
    recorded_on, outcome_by = row.date("outcome_recorded_on"), row.text("outcome_by")
    if not outcome and (recorded_on or outcome_by):
        row.error("outcome", _("outcome_recorded_on and outcome_by need an outcome"))
    member_refs = _split(row.text("member_refs"))
    dates = p.dossier(row, dossier_ref)
    if dates:
        for ref in member_refs:
            if (dossier_ref, ref) not in members and not p.unreadable("dossier_clients.csv"):
                row.error("member_refs", _("%(client)r is not a member of dossier %(dossier)r")
                          % {"client": ref, "dossier": dossier_ref})
        if starts_at:
            row.not_before("starts_at", starts_at.astimezone(zone).date(), "registered_on", dates[0])
    if not row.ok:
        return None
    assert starts_at and ends_at
    return AppointmentRecord(dossier_ref, kind, starts_at, ends_at, place_kind, row.text("place"), workers,
                             member_refs, outcome, cancelled_by, recorded_on, outcome_by)


def parse(p: Any) -> None:
    records = p.spool("appointments.csv")
    p.parsed.data["appointment_users"] = {}
    table = p.table("appointments.csv")
    if table is None:
        return
    dossier_refs: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    names: set[str] = set()
    index = table.index
    for _line, cells in table.rows(type(p.problems)()):
        # only what the bundle does not hold, to look up in the system (docs/adr/0200)
        dossier_ref = cells[index["dossier_ref"]] if "dossier_ref" in index else ""
        if not p.holds(dossier_ref):
            dossier_refs.add(dossier_ref)
        if "member_refs" in index:
            pairs.update((dossier_ref, ref) for ref in _split(cells[index["member_refs"]])
                         if not p.holds(dossier_ref, ref))
        for column in ("workers", "outcome_by"):
            if column in index:
                names.update(_split(cells[index[column]]))
    p.dossier_refs(dossier_refs)
    members = p.members_of(pairs)
    p.parsed.data["appointment_users"] = _users(names)
    _table, rows = p.rows("appointments.csv")
    seen = p.key_check("appointments.csv", "appointment_ref")
    zone = timezone.get_current_timezone()
    for row in rows:
        ref = p.unique(row, "appointment_ref", seen)
        record = _check_row(p, row, members, zone)
        if ref and record is not None:
            records[ref] = record
    p.report_duplicates(seen)


def store(s: Any, parsed: Any) -> None:
    records, users = parsed.data.get("appointments.csv", {}), parsed.data.get("appointment_users", {})
    if not records:
        return
    dossiers = s.ids["dossiers"]
    missing: set[str] = set()
    member_refs: set[str] = set()
    known = s.ids.get("clients", {})
    for r in records.values():  # one reading of the spooled records for both
        if r.dossier_ref not in dossiers:
            missing.add(r.dossier_ref)
        member_refs.update(ref for ref in r.members if ref not in known)
    if missing:
        dossiers.update(s.lookup("cases_dossier", "ref", missing))
    clients = s.client_ids(member_refs)
    s.upsert(
        "appointments.csv", "agenda_appointment",
        ("ref", "dossier_id", "kind", "starts_at", "ends_at", "place_kind", "place", "worker_refs", "outcome",
         "cancelled_by", "outcome_recorded_on", "outcome_by_id", "outcome_by_ref", "created_at", "updated_at"),
        ((ref, dossiers[r.dossier_ref], r.kind, r.starts_at, r.ends_at, r.place_kind, r.place,
          SEPARATOR.join(w for w in r.workers if w not in users), r.outcome, r.cancelled_by, r.outcome_recorded_on,
          users.get(r.outcome_by), "" if not r.outcome_by or r.outcome_by in users else r.outcome_by, s.now, s.now)
         for ref, r in records.items()),
        key=("ref",),
        compare=("dossier_id", "kind", "starts_at", "ends_at", "place_kind", "place", "worker_refs", "outcome",
                 "cancelled_by", "outcome_recorded_on", "outcome_by_id", "outcome_by_ref"),
        touch=("updated_at",),
    )
    # The appointment goes in by its ref: the staging table finds its id (``Store._stage``).
    by_ref = {"appointment_id": ("agenda_appointment", "ref")}
    s.upsert("appointments.csv", "agenda_appointment_workers", ("appointment_id", "user_id"),
             ((ref, users[name]) for ref, r in records.items() for name in r.workers if name in users),
             key=("appointment_id", "user_id"), refs=by_ref)
    s.upsert("appointments.csv", "agenda_appointment_members", ("appointment_id", "client_id"),
             ((ref, clients[c]) for ref, r in records.items() for c in r.members),
             key=("appointment_id", "client_id"), refs=by_ref)


def _workers_text(appointment: Appointment) -> str:
    names = [w.username for w in appointment.workers.all()] + list(_split(appointment.worker_refs))
    return SEPARATOR.join(sorted(names))


def _moment_text(value: dt.datetime) -> str:
    return timezone.localtime(value).isoformat()


def export(writer: Any, scope: Any) -> None:
    appointments = Appointment.objects.filter(dossier__in=scope.dossier_ids)
    if scope.client is not None:
        appointments = appointments.filter(members__isnull=True) | appointments.filter(members=scope.client)
    appointments = appointments.distinct().select_related("dossier", "outcome_by").prefetch_related(
        "workers", "members").order_by("pk")

    def rows() -> Iterator[tuple[Any, ...]]:
        for start in range(0, appointments.count(), BATCH):
            for a in appointments[start:start + BATCH]:
                members = [m.ref for m in a.members.all() if scope.client is None or m.pk == scope.client.pk]
                yield (a.ref, a.dossier.ref, a.kind, _moment_text(a.starts_at), _moment_text(a.ends_at), a.place_kind,
                       a.place, _workers_text(a), SEPARATOR.join(sorted(members)), a.outcome, a.cancelled_by,
                       a.outcome_recorded_on, a.outcome_by.username if a.outcome_by else a.outcome_by_ref)

    writer.write(APPOINTMENTS, rows())


PART = BundlePart(app="agenda", order=70, files=(APPOINTMENTS,), parse=parse, store=store, export=export)
