"""The data-quality dossier lists (live: lists of dossiers, not aggregates)."""

import datetime as dt

from django.db.models import Exists, OuterRef, Q

from reporting.dashboards.common import (
    QualityKind,
)
from reporting.indicators.closure import BASELINE_GRACE_DAYS
from reporting.periods import Period
from zrm.models import Measurement, MeasurementType


def quality_dossiers(dossiers, kind: QualityKind, period: Period):
    """The dossiers behind a data-quality percentage of ``period``, from ``dossiers``
    (already scoped to the user and the team)."""
    if kind.slug == "zonder-rapportcijfer":
        return dossiers.filter(closed_on__range=(period.start, period.end), client_rating__isnull=True)
    if kind.slug == "zonder-startdatum":
        return dossiers.filter(closed_on__range=(period.start, period.end), support_started_on__isnull=True)
    baseline = Measurement.objects.filter(
        dossier=OuterRef("pk"), type=MeasurementType.BASELINE, measured_on__lte=period.end
    )
    return dossiers.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=period.start),
        registered_on__lt=period.end - dt.timedelta(days=BASELINE_GRACE_DAYS),
    ).filter(~Exists(baseline))
