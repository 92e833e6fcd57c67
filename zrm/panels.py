"""The ZRM section of the dossier page, registered with ``cases.extensions``: the ZRM's
development, the participatieladder's, and the resident's zelfscans."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cases.extensions import TimelineItem
from cases.models import EventKind
from cases.services import today
from cases.timeline import on_date
from zrm.models import Measurement, MeasurementType
from zrm.progress import load_measurements, reminders, units

PARTICIPATION_DOMAIN = "participatie"


def zrm_panel_context(request, dossier, members) -> dict:
    """Development per member and domain, the measurements, and reminders. A fixed number
    of queries, however many measurements."""
    loaded = load_measurements(Measurement.objects.for_user(request.user).filter(dossier=dossier))
    measurements = [m for m in loaded if m.instrument.is_zrm and m.type != MeasurementType.SELF_SCAN]
    return {
        "dossier": dossier,
        "units": units(members, measurements),
        "ladder": ladder_rows([m for m in loaded if not m.instrument.is_zrm]),
        "self_scans": [m for m in loaded if m.type == MeasurementType.SELF_SCAN],
        "reminders": reminders(dossier, measurements, today()),
        "can_add": not dossier.is_closed,
        "can_add_final": dossier.is_closed,  # its eindmeting, on the closing date
    }


def member_measurements(dossier, client_id) -> str | None:
    if Measurement.objects.filter(dossier=dossier, client_id=client_id).exists():
        return _("ZRM measurements")
    return None


def imported_measurements(request, dossier) -> list[TimelineItem]:
    """Measurements that came with an import (no one entered them here, so no event): on
    the timeline on their date. One query."""
    imported = (Measurement.objects.for_user(request.user).filter(dossier=dossier, created_by__isnull=True)
                .select_related("client", "instrument"))
    return [
        TimelineItem(at=on_date(m.measured_on), title=str(EventKind.MEASUREMENT.label), on=m.measured_on,
                     detail=f"{m.get_type_display()}, {m.instrument.name}, "
                            f"{m.client.display_name if m.client_id else _('household')}",
                     url=m.get_absolute_url(), extra={"imported": True})
        for m in imported
    ]


@dataclass
class LadderRow:
    """A member's development on the participatieladder: the nulmeting and the last
    measurement (the eindmeting, else the latest tussenmeting), as in the figures."""

    client: object
    baseline: Measurement | None = None
    last: Measurement | None = None
    measurements: list = field(default_factory=list)

    @staticmethod
    def _step(measurement) -> int | None:
        return measurement.scores.get(PARTICIPATION_DOMAIN) if measurement else None

    @property
    def baseline_step(self) -> int | None:
        return self._step(self.baseline)

    @property
    def last_step(self) -> int | None:
        return self._step(self.last)

    @property
    def change(self) -> int | None:
        if self.baseline_step is None or self.last_step is None or self.last.measured_on <= self.baseline.measured_on:
            return None
        return self.last_step - self.baseline_step


def ladder_rows(measurements) -> list[LadderRow]:
    """Per member, in the order measured (``measurements`` sorted by date)."""
    rows: dict = {}
    for m in measurements:
        row = rows.setdefault(m.client_id, LadderRow(m.client))
        row.measurements.append(m)
        if m.type == MeasurementType.BASELINE:
            row.baseline = m
        elif m.type == MeasurementType.FINAL or (m.type == MeasurementType.INTERIM
                                                 and not (row.last and row.last.type == MeasurementType.FINAL)):
            row.last = m
    return list(rows.values())
