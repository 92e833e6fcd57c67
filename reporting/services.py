"""Requesting a recomputation (the coaches' "herbereken" button)."""

from django.utils import timezone

from reporting.models import PeriodComputation
from reporting.periods import Period
from reporting.tasks import compute_indicators


def request_recompute(period: Period) -> None:
    """Queue the computation of ``period`` (with its months); mark it as requested so the
    dashboard can say a recomputation is under way. With the embedded default (eager
    Celery) it runs at once."""
    now = timezone.now()
    for code in [p.code for p in period.with_months()]:
        updated = PeriodComputation.objects.filter(period=code).update(requested_at=now)
        if not updated:
            PeriodComputation.objects.get_or_create(
                period=code, defaults={"computed_at": None, "duration_ms": 0, "row_count": 0, "requested_at": now}
            )
    compute_indicators.delay([period.code])
