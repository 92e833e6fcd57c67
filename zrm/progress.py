"""The development of a household's self-sufficiency: per unit (member or household) and
per domain, the nulmeting, the agreed goal and the latest measurement.

Domains are compared by code across instrument versions (``financien`` in zrm-2013 and
zrm-2017 is one domain). Per domain and column the measurement used is the first
nulmeting, the latest doelmeting and the latest tussen- or eindmeting whose instrument
has that domain, so a supplement scored next to the main instrument is included too.

Everything is computed in Python from measurements loaded by ``load_measurements``
in a fixed number of queries."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from zrm.models import INSUFFICIENT_STEPS, Domain, Measurement, MeasurementType

BASELINE_REMINDER_DAYS = 42  # six weeks without a nulmeting
STALE_MEASUREMENT_DAYS = 183  # six months since the last measurement


def load_measurements(queryset):
    """Measurements with instrument, member, domains and scores: four queries, however many."""
    return list(
        queryset.select_related("instrument", "client")
        .prefetch_related(
            Prefetch("instrument__domains", queryset=Domain.objects.order_by("order")),
        )
        .order_by("measured_on", "id")
    )


def scores_by_code(measurement: Measurement) -> dict[str, int]:
    return measurement.scores


def domain_codes(measurement: Measurement) -> list[str]:
    return [domain.code for domain in measurement.instrument.domains.all()]


@dataclass(frozen=True)
class Cell:
    """One domain's score in one measurement; ``score`` None means n.v.t. (not scored)."""

    score: int | None
    measurement: Measurement

    @property
    def applicable(self) -> bool:
        return self.score is not None

    @property
    def insufficient(self) -> bool:
        return self.score in INSUFFICIENT_STEPS


def cell(measurement: Measurement | None, code: str) -> Cell | None:
    """None when the measurement's instrument does not have the domain."""
    if measurement is None or code not in domain_codes(measurement):
        return None
    return Cell(scores_by_code(measurement).get(code), measurement)


@dataclass
class Row:
    code: str
    label: str
    baseline: Cell | None = None
    goal: Cell | None = None
    latest: Cell | None = None

    @property
    def change(self) -> int | None:
        """Steps gained (positive) or lost since the nulmeting."""
        if self.baseline and self.latest and self.baseline.applicable and self.latest.applicable:
            return self.latest.score - self.baseline.score
        return None


@dataclass
class Unit:
    client: object | None  # a Client, or None for the household as a whole
    measurements: list[Measurement]
    rows: list[Row] = field(default_factory=list)

    def column(self, name: str) -> list[Measurement]:
        """The distinct measurements a column was taken from (for its heading)."""
        seen = {}
        for row in self.rows:
            value = getattr(row, name)
            if value is not None:
                seen.setdefault(value.measurement.pk, value.measurement)
        return sorted(seen.values(), key=lambda m: (m.measured_on, m.pk))

    @property
    def baseline_measurements(self):
        return self.column("baseline")

    @property
    def goal_measurements(self):
        return self.column("goal")

    @property
    def latest_measurements(self):
        return self.column("latest")


def _rows(measurements: list[Measurement]) -> list[Row]:
    """One row per domain code; main instruments first, the most recently used version first."""
    last_use: dict[int, tuple] = {}
    instruments = {}
    for m in measurements:
        instruments[m.instrument_id] = m.instrument
        last_use[m.instrument_id] = max(last_use.get(m.instrument_id, (dt.date.min, 0)), (m.measured_on, m.pk))
    order = sorted(
        instruments.values(),
        key=lambda i: (i.supplement, -last_use[i.pk][0].toordinal(), -last_use[i.pk][1]),
    )
    rows: dict[str, Row] = {}
    for instrument in order:
        for domain in instrument.domains.all():
            rows.setdefault(domain.code, Row(domain.code, domain.label))
    chronological = sorted(measurements, key=lambda m: (m.measured_on, m.pk))
    for row in rows.values():
        covering = [m for m in chronological if row.code in domain_codes(m)]
        baselines = [m for m in covering if m.type == MeasurementType.BASELINE]
        goals = [m for m in covering if m.type == MeasurementType.GOAL]
        later = [m for m in covering if m.type in (MeasurementType.INTERIM, MeasurementType.FINAL)]
        row.baseline = cell(baselines[0], row.code) if baselines else None
        row.goal = cell(goals[-1], row.code) if goals else None
        row.latest = cell(later[-1], row.code) if later else None
    # A domain never scored for this unit (only n.v.t. or absent) tells nothing about its development.
    return [row for row in rows.values() if any(c and c.applicable for c in (row.baseline, row.goal, row.latest))]


def units(members, measurements: list[Measurement]) -> list[Unit]:
    """The units with measurements: members in household order, then the household itself."""
    by_client: dict[int | None, list[Measurement]] = {}
    clients = {}
    for m in measurements:
        by_client.setdefault(m.client_id, []).append(m)
        if m.client_id:
            clients[m.client_id] = m.client
    order = [member.client_id for member in members if member.client_id in by_client]
    order += [pk for pk in by_client if pk is not None and pk not in order]  # e.g. a former member
    if None in by_client:
        order.append(None)
    result = []
    for pk in order:
        unit = Unit(clients.get(pk), by_client[pk])
        unit.rows = _rows(unit.measurements)
        result.append(unit)
    return result


def previous_measurement(candidates: list[Measurement], codes, before: Measurement | None = None):
    """The latest of ``candidates`` (one unit's measurements) before ``before`` that shares a
    domain with ``codes`` (the instrument being scored)."""
    codes = set(codes)
    earlier = [
        m for m in candidates
        if before is None
        or (m.pk != before.pk and (m.measured_on, m.pk) < (before.measured_on, before.pk))
    ]
    for m in sorted(earlier, key=lambda m: (m.measured_on, m.pk), reverse=True):
        if codes & set(domain_codes(m)):
            return m
    return None


def reminders(dossier, measurements: list[Measurement], today: dt.date) -> list[str]:
    """What the team should not forget: for open dossiers only."""
    if dossier.is_closed:
        return []
    messages = []
    age = (today - dossier.registered_on).days
    if age > BASELINE_REMINDER_DAYS and not any(m.type == MeasurementType.BASELINE for m in measurements):
        messages.append(
            _("This dossier was registered %(days)s days ago and has no nulmeting yet.") % {"days": age}
        )
    if measurements:
        last = max(m.measured_on for m in measurements)
        since = (today - last).days
        if since > STALE_MEASUREMENT_DAYS:
            messages.append(
                _("The last ZRM measurement is %(days)s days old (%(date)s): time for a new measurement.")
                % {"days": since, "date": last.strftime("%d-%m-%Y")}
            )
    return messages
