"""Computing indicator periods into the reporting table.

``compute_periods`` is the one entry point: the Celery task, the management command and
the coaches' "herbereken" button all call it. The figures are computed with set-based
queries first; then, in one short transaction, the rows of those periods are replaced,
so readers see either the old or the new figures of a period, never half of it, and
re-running is harmless."""

import datetime as dt
import logging
import time
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone

from cases.models import Dossier, Team
from cases.retention import figures_fixed_through
from reporting.calendar_days import ensure_calendar
from reporting.indicators import clients, closure, journal, lag, plan, referrals, speed, volume, zrm
from reporting.indicators.collector import Collector
from reporting.models import IndicatorRow, PeriodComputation
from reporting.periods import Period

# zrm.py computes "ZRM development in detail" (zrm_detail.py) too, over the same units.
FAMILIES = (volume, clients, speed, closure, referrals, zrm, journal, lag, plan)
logger = logging.getLogger(__name__)


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


@contextmanager
def _serial_plans():
    """Many short aggregate queries: on PostgreSQL, starting parallel workers costs more than
    it saves (measured: 169 ms vs 41 ms for a typical family query on 2 cores), and so does
    JIT compilation: the row estimates of the JSON unpacking (100 per call) push the ZRM
    queries over jit_above_cost, and compiling took 270 ms of a 720 ms query (measured at
    100,000 dossiers; the whole computation 3.6 s with JIT, 1.9 s without)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")
        cursor.execute("SET work_mem = '256MB'")  # in-memory sorts for the ZRM ranking
        cursor.execute("SET jit = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET max_parallel_workers_per_gather")
            cursor.execute("RESET work_mem")
            cursor.execute("RESET jit")


def compute_rows(periods: list[Period]) -> list:
    ensure_calendar(*_calendar_range(periods))
    collector = Collector([p.code for p in periods], Team.objects.order_by("pk").values_list("pk", flat=True))
    with _serial_plans():
        for family in FAMILIES:
            family.compute(periods, collector)
    return collector.rows


def _insert(rows: list, computed_at: dt.datetime) -> None:
    """Write the rows: COPY on PostgreSQL (bulk_create spends more time building SQL than
    the database spends storing), bulk_create elsewhere."""
    if connection.vendor == "postgresql":
        columns = "period, team_id, indicator, dimension, value, count, computed_at"
        with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {IndicatorRow._meta.db_table} ({columns}) FROM STDIN"
        ) as copy:
            for r in rows:
                copy.write_row((r.period, r.team_id, r.indicator, r.dimension, r.value, r.count, computed_at))
        return
    IndicatorRow.objects.bulk_create(
        (
            IndicatorRow(period=r.period, team_id=r.team_id, indicator=r.indicator, dimension=r.dimension,
                         value=r.value, count=r.count, computed_at=computed_at)
            for r in rows
        ),
        batch_size=2000,
    )


def kept_after_destruction(periods: list[Period]) -> list[Period]:
    """The computed periods that held dossiers destroyed since: they keep their stored
    figures, a recomputation would count fewer dossiers than were there (docs/adr/0111)."""
    fixed = figures_fixed_through()
    if fixed is None:
        return []
    computed = set(PeriodComputation.objects.filter(period__in=[p.code for p in periods]).values_list(
        "period", flat=True))
    return [p for p in periods if p.start <= fixed and p.code in computed]


def compute_periods(periods: Iterable[Period | str]) -> dict[str, int]:
    """Compute and store the given periods (quarters with their months). Returns rows per period."""
    periods = expand(periods)
    kept = kept_after_destruction(periods) if periods else []
    if kept:
        logger.warning("Not recomputed, data destroyed since: %s", ", ".join(p.code for p in kept))
        periods = [p for p in periods if p not in kept]
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
        _insert(rows, computed_at)
        for code in codes:
            PeriodComputation.objects.filter(period=code).update(
                computed_at=computed_at, duration_ms=duration_ms, row_count=per_period[code]
            )
    return per_period
