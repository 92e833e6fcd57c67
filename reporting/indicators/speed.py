"""Speed (snelheid, wachttijd): waiting time to the start of support, in calendar and
working days, and the first contact within five working days.

Day arithmetic goes through the calendar table (``reporting_workingday``): calendar
days are differences of ``ordinal``, working days differences of ``number``."""

from cases.models import Location
from reporting.indicators.collector import Collector
from reporting.indicators.sql import fetch, in_period, periods_cte

LOCATIONS = tuple(Location.values)


def compute(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    started = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, COUNT(*), SUM(cs.ordinal - cr.ordinal), SUM(cs.number - cr.number)
        FROM cases_dossier d
        JOIN periods p ON {in_period("d.support_started_on", periods)}
        JOIN reporting_workingday cr ON cr.day = d.registered_on
        JOIN reporting_workingday cs ON cs.day = d.support_started_on
        GROUP BY p.code, d.team_id
        """,
        params,
    )
    collector.ratios("waiting_days_mean", {(p, t): (days, n) for p, t, n, days, _w in started})
    collector.ratios("waiting_working_days_mean", {(p, t): (work, n) for p, t, n, _d, work in started})

    contacts = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, d.first_contact_location, COUNT(*), SUM(cf.ordinal - cr.ordinal),
               SUM(CASE WHEN cf.number - cr.number <= 5 THEN 1 ELSE 0 END)
        FROM cases_dossier d
        JOIN periods p ON {in_period("d.first_contact_on", periods)}
        JOIN reporting_workingday cr ON cr.day = d.registered_on
        JOIN reporting_workingday cf ON cf.day = d.first_contact_on
        GROUP BY p.code, d.team_id, d.first_contact_location
        """,
        params,
    )
    overall: dict = {}
    within: dict = {}
    by_location: dict = {}
    for period, team, location, n, days, fast in contacts:
        key = (period, team)
        overall[key] = tuple(a + b for a, b in zip(overall.get(key, (0, 0)), (days, n), strict=True))
        within[key] = tuple(a + b for a, b in zip(within.get(key, (0, 0)), (fast, n), strict=True))
        if location in LOCATIONS:
            by_location[(period, team, location)] = (days, n)
    collector.ratios("first_contact_within_5_working_days_pct", within, scale=100)
    collector.ratios("first_contact_days_mean", overall)
    collector.ratios("first_contact_days_mean", by_location, dimension=None)
