"""Computing indicator periods into the reporting table.

``compute_periods`` is the one entry point: the Celery task, the management command and
the coaches' "herbereken" button all call it. The figures are computed with set-based
queries first; then, in one short transaction, the rows of those periods are replaced,
so readers see either the old or the new figures of a period, never half of it, and
re-running is harmless."""

import datetime as dt
import time
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from cases.models import Dossier, Team
from reporting.calendar_days import ensure_calendar
from reporting.indicators import closure, referrals, speed, volume, zrm
from reporting.indicators.collector import Collector
from reporting.models import IndicatorRow, PeriodComputation
from reporting.periods import Period

FAMILIES = (volume, speed, closure, referrals, zrm)


def expand(periods: Iterable[Period | str]) -> list[Period]:
    """The periods to compute: each quarter with its three months, without duplicates."""
    result: list[Period] = []
    for period in periods:
        period = Period.parse(period) if isinstance(period, str) else period
        for item in period.with_months():
            if item not in result:
                result.append(item)
    return result


def _calendar_range(periods: list[Period]) -> tuple[dt.date, dt.date]:
    bounds = Dossier.objects.aggregate(
        first=Min("registered_on"), last_contact=Max("first_contact_on"), last_start=Max("support_started_on")
    )
    dates = [p.start for p in periods] + [p.end for p in periods] + [d for d in bounds.values() if d]
    return min(dates), max(*dates, timezone.localdate())


def compute_rows(periods: list[Period]) -> list:
    ensure_calendar(*_calendar_range(periods))
    collector = Collector([p.code for p in periods], Team.objects.order_by("pk").values_list("pk", flat=True))
    for family in FAMILIES:
        family.compute(periods, collector)
    return collector.rows


def compute_periods(periods: Iterable[Period | str]) -> dict[str, int]:
    """Compute and store the given periods (quarters with their months). Returns rows per period."""
    periods = expand(periods)
    if not periods:
        return {}
    started = time.monotonic()
    rows = compute_rows(periods)
    computed_at = timezone.now()
    duration_ms = int((time.monotonic() - started) * 1000)
    codes = [p.code for p in periods]
    per_period = dict.fromkeys(codes, 0)
    for row in rows:
        per_period[row.period] += 1
    with transaction.atomic():
        PeriodComputation.objects.bulk_create(
            [PeriodComputation(period=code, computed_at=computed_at, duration_ms=0, row_count=0) for code in codes],
            ignore_conflicts=True,
        )
        # Lock the periods: concurrent recomputations of the same period take turns.
        list(PeriodComputation.objects.select_for_update().filter(period__in=codes))
        IndicatorRow.objects.filter(period__in=codes).delete()
        IndicatorRow.objects.bulk_create(
            (
                IndicatorRow(period=r.period, team_id=r.team_id, indicator=r.indicator, dimension=r.dimension,
                             value=r.value, count=r.count, computed_at=computed_at)
                for r in rows
            ),
            batch_size=5000,
        )
        for code in codes:
            PeriodComputation.objects.filter(period=code).update(
                computed_at=computed_at, duration_ms=duration_ms, row_count=per_period[code]
            )
    return per_period
