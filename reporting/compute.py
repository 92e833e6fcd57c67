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
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import Max, Min
from django.utils import timezone

from cases.models import Dossier, Team
from cases.retention import figures_fixed_through
from reporting.calendar_days import ensure_calendar
from reporting.indicators import (
    active,
    client_voice,
    clients,
    closure,
    front_door,
    journal,
    lag,
    plan,
    referrals,
    speed,
    volume,
    wmo_toegang,
    zrm,
)
from reporting.indicators.collector import Collector
from reporting.models import IndicatorRow, PeriodComputation
from reporting.periods import Period

# zrm.py computes "ZRM development in detail" (zrm_detail.py) too, over the same units.
FAMILIES = (volume, clients, speed, closure, referrals, zrm, journal, lag, plan, wmo_toegang, front_door, client_voice)
# The families in groups of about equal cost (measured at 100,000 and 1,000,000 dossiers),
# each with whether it needs the active clients table (reporting/indicators/active.py).
GROUPS = (
    ((zrm, speed, referrals, journal, lag, wmo_toegang), False),
    ((volume, clients, closure, plan, front_door, client_voice), True),
)
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


def _compute_group(periods: list[Period], families, team_ids: list[int], *, clients: bool) -> list:
    collector = Collector([p.code for p in periods], team_ids)
    with _serial_plans(), active.tables(periods, with_clients=clients):
        for family in families:
            family.compute(periods, collector)
    return collector.rows


def _in_own_connection(work, *args, **kwargs):
    """``work`` in this thread's own database connection, closed afterwards."""
    try:
        return work(*args, **kwargs)
    finally:
        connections.close_all()  # this thread's connections only


def in_parallel() -> bool:
    """Whether ``compute_rows`` computes its groups at once, each in a connection of its own."""
    return (connection.vendor == "postgresql" and not connection.in_atomic_block
            and settings.INDICATOR_CONNECTIONS > 1)


def compute_rows(periods: list[Period]) -> list:
    """The indicator rows of ``periods``, not stored.

    On PostgreSQL, outside a transaction, the families are computed in ``GROUPS`` at once,
    each group in a database connection of its own (``INDICATOR_CONNECTIONS``, docs/adr/0130):
    every query of a family runs on one core, so two groups of about equal cost take half
    the time on two cores. Inside a transaction (a test, a freeze) other connections could not
    see its writes, so the groups run one after another in this connection."""
    ensure_calendar(*_calendar_range(periods))
    team_ids = list(Team.objects.order_by("pk").values_list("pk", flat=True))
    if not in_parallel():
        return _compute_group(periods, FAMILIES, team_ids, clients=True)
    with ThreadPoolExecutor(max_workers=min(settings.INDICATOR_CONNECTIONS, len(GROUPS))) as pool:
        futures = [pool.submit(_in_own_connection, _compute_group, periods, families, team_ids,
                               clients=clients) for families, clients in GROUPS]
        return [row for future in futures for row in future.result()]


def _insert(rows: list) -> None:
    """Write the rows: COPY on PostgreSQL (bulk_create spends more time building SQL than
    the database spends storing), bulk_create elsewhere."""
    if connection.vendor == "postgresql":
        columns = "period, team_id, indicator, dimension, value, count"
        with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {IndicatorRow._meta.db_table} ({columns}) FROM STDIN"
        ) as copy:
            for r in rows:
                copy.write_row((r.period, r.team_id, r.indicator, r.dimension, r.value, r.count))
        return
    IndicatorRow.objects.bulk_create(
        (
            IndicatorRow(period=r.period, team_id=r.team_id, indicator=r.indicator, dimension=r.dimension,
                         value=r.value, count=r.count)
            for r in rows
        ),
        batch_size=2000,
    )


def _store(codes: list[str], rows: list) -> None:
    """Replace the stored rows of ``codes`` by ``rows``, writing only what changed: a row
    whose value and count are as stored is left alone (its ``computed_at`` is its period's,
    ``IndicatorRow.objects.with_computed_at()``); changed, new and vanished rows are deleted
    and inserted. A recomputation usually changes few figures (measured at 100,000 dossiers,
    28,524 unchanged rows: deleting and copying them all 0.55 s with the commit, giving them
    the new time in place 0.08-0.15 s, leaving them alone nothing)."""
    columns = "id, period, team_id, indicator, dimension, value, count"
    placeholders = ", ".join(["%s"] * len(codes))
    sql = f"SELECT {columns} FROM {IndicatorRow._meta.db_table} WHERE period IN ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, codes)
        stored = {(period, team, indicator, dimension): (pk, value, count)
                  for pk, period, team, indicator, dimension, value, count in cursor.fetchall()}
    fresh, gone = [], []
    for r in rows:
        old = stored.pop((r.period, r.team_id, r.indicator, r.dimension), None)
        if old is not None and (old[1], old[2]) == (r.value, r.count):
            continue
        fresh.append(r)
        if old is not None:
            gone.append(old[0])
    gone += [pk for pk, _value, _count in stored.values()]  # rows no longer computed
    for first in range(0, len(gone), 10_000):  # bounded query parameters (SQLite, psycopg)
        IndicatorRow.objects.filter(pk__in=gone[first:first + 10_000]).delete()
    if fresh:
        _insert(fresh)


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
        _store(codes, rows)
        for code in codes:
            PeriodComputation.objects.filter(period=code).update(
                computed_at=computed_at, duration_ms=duration_ms, row_count=per_period[code]
            )
    return per_period
