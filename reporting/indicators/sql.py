"""Small helpers for the portable (PostgreSQL and SQLite) aggregate SQL of the families."""

import datetime as dt
from collections.abc import Sequence
from contextlib import contextmanager

from django.db import connection

from reporting.periods import Period

# Temporary tables of reporting/indicators/active.py: the periods (periods_cte's columns),
# the (period, dossier) pairs of the dossiers active in the period, and their distinct
# clients counted per (period, team or all teams, gender, age band).
ACTIVE_PERIODS = "reporting_periods"
ACTIVE_DOSSIERS = "reporting_active"
ACTIVE_CLIENTS = "reporting_active_clients"
def zrm_figures_only(alias: str = "m") -> str:
    """The measurements the v1/v2 ZRM figures read (client-voice.md): neither a resident's
    zelfscan nor a measurement of another kind of instrument (the participatieladder)."""
    return (f"{alias}.type <> 'zelfscan' AND {alias}.instrument_id IN "
            f"(SELECT zi.id FROM zrm_instrument zi WHERE zi.kind = 'zrm')")


ACTIVE = "d.registered_on <= p.end_on AND (d.closed_on IS NULL OR d.closed_on >= p.start_on)"


def periods_cte(periods: Sequence[Period], *, days_before_end: int = 0, first: int = 0) -> tuple[str, list]:
    """``periods(n, code, start_on, end_on, cutoff_on)`` as a VALUES table: ``n`` is the
    period's position in ``periods`` plus ``first`` (integers sort and hash faster than
    codes), cutoff_on lies ``days_before_end`` days before the period's end."""
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(periods))
    params = [
        value
        for n, period in enumerate(periods, start=first)
        for value in (n, period.code, period.start, period.end, period.end - dt.timedelta(days=days_before_end))
    ]
    return f"periods (n, code, start_on, end_on, cutoff_on) AS (VALUES {values})", params


@contextmanager
def index_lookups():
    """Statements that read few rows of a large table by key: PostgreSQL's planner still
    hashed (or merged) the whole table, where a lookup by index per key is cheaper; this turns
    hash and merge joins off for the statements inside (measured in the docstrings of the callers)."""
    if connection.vendor != "postgresql":
        yield
        return
    execute("SET enable_hashjoin = off")
    execute("SET enable_mergejoin = off")
    try:
        yield
    finally:
        execute("RESET enable_hashjoin")
        execute("RESET enable_mergejoin")


def fetch(sql: str, params: Sequence = ()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def execute(sql: str, params: Sequence = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _bounds(periods: Sequence[Period]) -> tuple[str, str]:
    """First and last day of all periods, as SQL date literals (made from dates, never from input)."""
    return f"'{min(p.start for p in periods).isoformat()}'", f"'{max(p.end for p in periods).isoformat()}'"


def active(periods: Sequence[Period]) -> str:
    """Join condition: dossier d is active in period p. The constant bounds of all periods
    together let the database skip the dossiers that are active in none of them."""
    first, last = _bounds(periods)
    return f"{ACTIVE} AND d.registered_on <= {last} AND (d.closed_on IS NULL OR d.closed_on >= {first})"


def in_period(column: str, periods: Sequence[Period]) -> str:
    """Join condition: ``column`` lies in period p (with the same constant bounds, so an
    index on the column can be used)."""
    first, last = _bounds(periods)
    return f"{column} >= p.start_on AND {column} <= p.end_on AND {column} >= {first} AND {column} <= {last}"
