"""Plan (ondersteuningsplan), indicators.md Additions (v2): agreed plans, goals set and
their status at closure, new and existing support by kanteling, network mapped.

Day arithmetic goes through the calendar table (``reporting_workingday``) as in speed.py:
calendar days are differences of ``ordinal``. Every query is grouped by period and team;
the collector pools the teams."""

from collections import Counter

from plans.models import ProposedBy
from reporting.indicators.collector import ALL, Collector
from reporting.indicators.sql import ACTIVE_DOSSIERS, ACTIVE_PERIODS, fetch, in_period, periods_cte

GOAL_STATUSES = ("lopend", "behaald", "deels_behaald", "niet_behaald", "vervallen")
EVALUATED = ("behaald", "deels_behaald", "niet_behaald")


def _plans(periods, cte, params, collector: Collector) -> None:
    agreed = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, COUNT(*), SUM(ca.ordinal - cr.ordinal)
        FROM plans_plan pl
        JOIN cases_dossier d ON d.id = pl.dossier_id
        JOIN periods p ON {in_period("pl.agreed_on", periods)}
        JOIN reporting_workingday cr ON cr.day = d.registered_on
        JOIN reporting_workingday ca ON ca.day = pl.agreed_on
        GROUP BY p.code, d.team_id
        """,
        params,
    )
    collector.counts("plans_agreed", {(p, t): n for p, t, n, _days in agreed})
    collector.ratios("plan_agreed_days_mean", {(p, t): (days, n) for p, t, n, days in agreed})

    closed = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, COUNT(*),
               SUM(CASE WHEN pl.agreed_on IS NOT NULL AND pl.agreed_on <= d.closed_on THEN 1 ELSE 0 END)
        FROM cases_dossier d
        JOIN periods p ON {in_period("d.closed_on", periods)}
        LEFT JOIN plans_plan pl ON pl.dossier_id = d.id
        GROUP BY p.code, d.team_id
        """,
        params,
    )
    collector.ratios("closed_with_agreed_plan_pct", {(p, t): (yes, n) for p, t, n, yes in closed}, scale=100)


def _goals(periods, cte, params, collector: Collector) -> None:
    rows = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, g.direction, g.domain,
               SUM(CASE WHEN g.proposed_by = '{ProposedBy.CLIENT.value}' THEN 1 ELSE 0 END), COUNT(*)
        FROM plans_goal g
        JOIN cases_dossier d ON d.id = g.dossier_id
        JOIN periods p ON {in_period("g.set_on", periods)}
        GROUP BY p.code, d.team_id, g.direction, g.domain
        """,
        params,
    )
    total, by_client, dims = Counter(), Counter(), Counter()
    for period, team, direction, domain, client, n in rows:
        total[(period, team)] += n
        by_client[(period, team)] += client
        dims[(period, team, f"direction:{direction}")] += n
        dims[(period, team, f"domain:{domain}")] += n
    collector.counts("goals_set", dict(total))
    collector.dimension_counts("goals_set", dict(dims))
    collector.ratios("goals_proposed_by_client_pct", {k: (by_client[k], n) for k, n in total.items()}, scale=100)

    statuses = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, g.status, COUNT(*)
        FROM cases_dossier d
        JOIN periods p ON {in_period("d.closed_on", periods)}
        JOIN plans_goal g ON g.dossier_id = d.id
        GROUP BY p.code, d.team_id, g.status
        """,
        params,
    )
    collector.dimension_counts("goal_status", {(p, t, s): n for p, t, s, n in statuses if s in GOAL_STATUSES})
    achieved, evaluated = Counter(), Counter()
    for period, team, status, n in statuses:
        if status in EVALUATED:
            evaluated[(period, team)] += n
        if status == "behaald":
            achieved[(period, team)] += n
    collector.ratios("goals_achieved_pct", {k: (achieved[k], n) for k, n in evaluated.items()}, scale=100)


def _support(indicator: str, rows, collector: Collector, *, by_domain: bool) -> None:
    """rows: (period, team, kanteling, domain, n); the all, kanteling and domain counts and
    the kanteling shares."""
    total, dims, kantelingen = Counter(), Counter(), Counter()
    for period, team, kanteling, domain, n in rows:
        total[(period, team)] += n
        dims[(period, team, f"kanteling:{kanteling}")] += n
        kantelingen[(period, team, kanteling)] += n
        if by_domain:
            dims[(period, team, f"domain:{domain}")] += n
    collector.counts(indicator, dict(total))
    collector.dimension_counts(indicator, dict(dims))
    # Shares of the kantelingen that occur; the all-teams share is over the all-teams total
    # (not over the teams where that kanteling occurs).
    pooled, pooled_total = Counter(), Counter()
    for (period, team, kanteling), n in kantelingen.items():
        collector.value(period, team, f"{indicator}_pct", 100 * n / total[(period, team)], total[(period, team)],
                        dimension=kanteling)
        pooled[(period, kanteling)] += n
    for (period, _team), n in total.items():
        pooled_total[period] += n
    for (period, kanteling), n in pooled.items():
        collector.value(period, ALL, f"{indicator}_pct", 100 * n / pooled_total[period], pooled_total[period],
                        dimension=kanteling)


def _actions(periods, cte, params, collector: Collector) -> None:
    new = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, a.kanteling, a.domain, COUNT(*)
        FROM plans_action a
        JOIN cases_dossier d ON d.id = a.dossier_id
        JOIN periods p ON {in_period("a.starts_on", periods)}
        WHERE a.existing = %s
        GROUP BY p.code, d.team_id, a.kanteling, a.domain
        """,
        [*params, False],
    )
    _support("support_new", new, collector, by_domain=True)
    existing = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, a.kanteling, '', COUNT(*)
        FROM cases_dossier d
        JOIN periods p ON {in_period("d.registered_on", periods)}
        JOIN plans_action a ON a.dossier_id = d.id
        WHERE a.existing = %s
        GROUP BY p.code, d.team_id, a.kanteling
        """,
        [*params, True],
    )
    _support("support_existing", existing, collector, by_domain=False)


def _network(collector: Collector) -> None:
    """One index probe per active dossier for a contact, where collecting the distinct
    dossiers of every contact read the whole table."""
    rows = fetch(
        f"""
        WITH mapped AS (
            SELECT a.id AS dossier_id FROM (SELECT DISTINCT id FROM {ACTIVE_DOSSIERS}) a
            WHERE EXISTS (SELECT 1 FROM plans_networkcontact c WHERE c.dossier_id = a.id)
        )
        SELECT p.code, d.team_id, COUNT(m.dossier_id), COUNT(*)
        FROM {ACTIVE_DOSSIERS} d
        JOIN {ACTIVE_PERIODS} p ON p.n = d.n
        LEFT JOIN mapped m ON m.dossier_id = d.id
        GROUP BY p.code, d.team_id
        """
    )
    collector.ratios("network_mapped_pct", {(p, t): (yes, n) for p, t, yes, n in rows}, scale=100)


def compute(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    _plans(periods, cte, params, collector)
    _goals(periods, cte, params, collector)
    _actions(periods, cte, params, collector)
    _network(collector)
