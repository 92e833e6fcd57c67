"""Requesting a recomputation (the coaches' "herbereken" button)."""

import logging
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from reporting.models import PeriodComputation
from reporting.periods import Period
from reporting.tasks import compute_indicators

logger = logging.getLogger(__name__)


def request_recompute(period: Period, *, on_failure: Callable[[], None] | None = None) -> None:
    """Mark ``period`` (with its months) as requested, so the dashboard can say a
    recomputation is under way, and queue its computation once that mark is committed.
    With the embedded default (eager Celery) it runs at once.

    When the broker cannot be reached (or the eager computation fails), the mark is taken
    back, so nothing stays "being recomputed", and ``on_failure`` is called (the view says so)."""
    now = timezone.now()
    codes = [p.code for p in period.with_months()]
    with transaction.atomic():
        existing = {c.period: c for c in PeriodComputation.objects.select_for_update().filter(period__in=codes)}
        previous = {code: c.requested_at for code, c in existing.items()}
        PeriodComputation.objects.filter(period__in=list(existing)).update(requested_at=now)
        PeriodComputation.objects.bulk_create([
            PeriodComputation(period=code, computed_at=None, duration_ms=0, row_count=0, requested_at=now)
            for code in codes if code not in existing
        ])

        def queue():
            try:
                compute_indicators.delay([period.code])
            except Exception:
                logger.exception("could not queue the computation of %s", period.code)
                _withdraw(codes, now, previous)
                if on_failure is not None:
                    on_failure()

        transaction.on_commit(queue)


def _withdraw(codes: list[str], requested_at, previous: dict) -> None:
    """Take back our request mark (only where no later request replaced it)."""
    with transaction.atomic():
        for computation in PeriodComputation.objects.select_for_update().filter(
            period__in=codes, requested_at=requested_at
        ):
            computation.requested_at = previous.get(computation.period)
            computation.save(update_fields=["requested_at"])

