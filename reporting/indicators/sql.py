"""Small helpers for the portable (PostgreSQL and SQLite) aggregate SQL of the families."""

import datetime as dt
from collections.abc import Sequence

from django.db import connection

from reporting.periods import Period

ACTIVE = "d.registered_on <= p.end_on AND (d.closed_on IS NULL OR d.closed_on >= p.start_on)"
IN_PERIOD = "{column} >= p.start_on AND {column} <= p.end_on"


def periods_cte(periods: Sequence[Period], *, days_before_end: int = 0) -> tuple[str, list]:
    """``periods(code, start_on, end_on, cutoff_on)`` as a VALUES table, where cutoff_on
    is ``days_before_end`` days before the period's end."""
    values = ", ".join(["(%s, %s, %s, %s)"] * len(periods))
    params = [
        value
        for period in periods
        for value in (period.code, period.start, period.end, period.end - dt.timedelta(days=days_before_end))
    ]
    return f"periods (code, start_on, end_on, cutoff_on) AS (VALUES {values})", params


def fetch(sql: str, params: Sequence = ()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def execute(sql: str, params: Sequence = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def in_period(column: str) -> str:
    return IN_PERIOD.format(column=column)
