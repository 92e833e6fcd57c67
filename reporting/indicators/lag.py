"""Registration lag (registratiediscipline): days between a date and the day it was
entered (``*_recorded_on``), for first contact, start of support and closure, over the
dossiers whose date lies in the period; unknown recorded-on dates are left out.

Day arithmetic goes through the calendar table (``reporting_workingday``) as in speed.py:
calendar days are differences of ``ordinal``, working days differences of ``number``."""

from reporting.indicators.collector import Collector
from reporting.indicators.sql import fetch, in_period, periods_cte

DATES = ("first_contact", "support_started", "closed")
LATE_WORKING_DAYS = 5


def compute(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    lags: dict = {}
    late: dict = {}
    for date in DATES:
        column, recorded = f"d.{date}_on", f"d.{date}_recorded_on"
        rows = fetch(
            f"""
            WITH {cte}
            SELECT p.code, d.team_id, COUNT(*), SUM(cr.ordinal - cd.ordinal),
                   SUM(CASE WHEN cr.number - cd.number > {LATE_WORKING_DAYS} THEN 1 ELSE 0 END)
            FROM cases_dossier d
            JOIN periods p ON {in_period(column, periods)}
            JOIN reporting_workingday cd ON cd.day = {column}
            JOIN reporting_workingday cr ON cr.day = {recorded}
            WHERE {recorded} IS NOT NULL
            GROUP BY p.code, d.team_id
            """,
            params,
        )
        for period, team, n, days, late_n in rows:
            lags[(period, team, date)] = (days, n)
            if date == "support_started":
                late[(period, team)] = (late_n, n)
    collector.ratios("registration_lag_days_mean", lags, dimension=None)
    collector.ratios("support_start_recorded_late_pct", late, scale=100)
