"""The ZRM section of the dossier page, registered with ``cases.extensions``."""

from django.utils.translation import gettext as _

from cases.extensions import TimelineItem
from cases.models import EventKind
from cases.services import today
from cases.timeline import on_date
from zrm.models import Measurement
from zrm.progress import load_measurements, reminders, units


def zrm_panel_context(request, dossier, members) -> dict:
    """Development per member and domain, the measurements, and reminders. A fixed number
    of queries, however many measurements."""
    own = Measurement.objects.for_user(request.user).filter(dossier=dossier)
    measurements = load_measurements(own.professional_zrm())
    return {
        "dossier": dossier,
        "units": units(members, measurements),
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
