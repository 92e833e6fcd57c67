"""ZRM (zelfredzaamheid). A unit is a (dossier, client) pair, or (dossier, household)
for measurements without a client; the units of P are those of the dossiers active in
P. Per unit and per role the most recent measurement dated on or before the end of P
counts: the nulmeting, the doelmeting, and the "last" one (the eindmeting if there is
one, else the most recent tussenmeting). Scores compare per domain code, so the same
domain in two instrument versions is one domain; a domain without a score (not
applicable) is left out of everything.

Supplements (``Instrument.supplement``, e.g. zrm-ouderschap) are scored alongside a main
instrument: the most recent measurement is chosen per unit, role *and* kind of
instrument, so a parenting supplement never hides the unit's main nulmeting. Their
domain codes are their own, so per-domain figures are unaffected; without supplements
this is exactly the spec's "most recent measurement of that type"."""

from collections import Counter

from django.db import connection

from reporting.indicators.collector import Collector
from reporting.indicators.sql import ACTIVE, execute, fetch, in_period, periods_cte

INSUFFICIENT = 3  # steps 1-3: onvoldoende zelfredzaam
UNITS = "reporting_zrm_units"
SCORES = "reporting_zrm_unit_scores"


def _build_units(periods) -> None:
    cte, params = periods_cte(periods)
    execute(f"DROP TABLE IF EXISTS {UNITS}")
    execute(
        f"""
        CREATE TEMP TABLE {UNITS} AS
        WITH {cte},
        ranked AS (
            SELECT p.code AS period, d.team_id AS team_id, m.dossier_id AS dossier_id,
                   COALESCE(m.client_id, 0) AS unit, m.id AS measurement_id,
                   CASE WHEN m.type IN ('eindmeting', 'tussenmeting') THEN 'last' ELSE m.type END AS role,
                   ROW_NUMBER() OVER (
                       PARTITION BY p.code, m.dossier_id, COALESCE(m.client_id, 0), i.supplement,
                                    CASE WHEN m.type IN ('eindmeting', 'tussenmeting') THEN 'last' ELSE m.type END
                       ORDER BY CASE WHEN m.type = 'eindmeting' THEN 0 ELSE 1 END, m.measured_on DESC, m.id DESC
                   ) AS position
            FROM zrm_measurement m
            JOIN zrm_instrument i ON i.id = m.instrument_id
            JOIN cases_dossier d ON d.id = m.dossier_id
            JOIN periods p ON {ACTIVE} AND m.measured_on <= p.end_on
        )
        SELECT period, team_id, dossier_id, unit, role, measurement_id FROM ranked WHERE position = 1
        """,
        params,
    )
    execute(f"DROP TABLE IF EXISTS {SCORES}")
    # One row per scored domain, unpacked from the measurement's JSON scores.
    if connection.vendor == "postgresql":
        scores = "CROSS JOIN LATERAL jsonb_each_text(m.scores) AS s (key, value)"
    else:
        scores = "JOIN json_each(m.scores) AS s"
    execute(
        f"""
        CREATE TEMP TABLE {SCORES} AS
        SELECT u.period, u.team_id, u.dossier_id, u.unit, u.role, s.key AS domain, CAST(s.value AS integer) AS score
        FROM {UNITS} u
        JOIN zrm_measurement m ON m.id = u.measurement_id
        {scores}
        """
    )
    execute(f"CREATE INDEX {SCORES}_unit ON {SCORES} (period, dossier_id, unit, domain, role)")


def _paired(role: str) -> str:
    """Scores of the nulmeting (n) and of ``role`` (o) of the same unit on the same domain."""
    return f"""
        FROM {SCORES} n
        JOIN {SCORES} o ON o.period = n.period AND o.dossier_id = n.dossier_id AND o.unit = n.unit
                       AND o.domain = n.domain AND o.role = '{role}'
        WHERE n.role = 'nulmeting'
    """


def compute(periods, collector: Collector) -> None:
    _build_units(periods)
    try:
        _baseline(collector)
        _changes(collector)
        _development(collector)
    finally:
        execute(f"DROP TABLE IF EXISTS {SCORES}")
        execute(f"DROP TABLE IF EXISTS {UNITS}")
    cte, params = periods_cte(periods)
    counts = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, m.type, COUNT(*)
        FROM zrm_measurement m
        JOIN periods p ON {in_period("m.measured_on")}
        JOIN cases_dossier d ON d.id = m.dossier_id
        GROUP BY p.code, d.team_id, m.type
        """,
        params,
    )
    collector.dimension_counts("zrm_measurements", {(p, t, kind): n for p, t, kind, n in counts})


def _baseline(collector: Collector) -> None:
    rows = fetch(
        f"SELECT period, team_id, domain, score, COUNT(*) FROM {SCORES} WHERE role = 'nulmeting' "
        f"GROUP BY period, team_id, domain, score"
    )
    steps, scored, total, low = Counter(), Counter(), Counter(), Counter()
    for period, team, domain, score, n in rows:
        steps[(period, team, f"{domain}:{score}")] += n
        key = (period, team, domain)
        scored[key] += n
        total[key] += score * n
        if score <= INSUFFICIENT:
            low[key] += n
    collector.dimension_counts("zrm_baseline_score", steps)
    collector.ratios("zrm_baseline_insufficient_pct", {k: (low[k], n) for k, n in scored.items()},
                     scale=100, dimension=None)
    collector.ratios("zrm_baseline_mean", {k: (total[k], n) for k, n in scored.items()}, dimension=None)


def _changes(collector: Collector) -> None:
    for indicator, role in (("zrm_goal_gap_mean", "doelmeting"), ("zrm_change_mean", "last")):
        rows = fetch(
            f"SELECT n.period, n.team_id, n.domain, SUM(o.score - n.score), COUNT(*) {_paired(role)} "
            f"GROUP BY n.period, n.team_id, n.domain"
        )
        collector.ratios(indicator, {(p, t, domain): (diff, n) for p, t, domain, diff, n in rows}, dimension=None)


def _development(collector: Collector) -> None:
    rows = fetch(
        f"""
        SELECT period, team_id,
               CASE WHEN 2 * difference >= domains THEN 'vooruitgang_groot'
                    WHEN difference > 0 THEN 'vooruitgang_klein'
                    WHEN difference = 0 THEN 'stabiel'
                    ELSE 'achteruitgang' END,
               COUNT(*)
        FROM (
            SELECT n.period, n.team_id, n.dossier_id, n.unit, SUM(o.score - n.score) AS difference, COUNT(*) AS domains
            {_paired("last")}
            GROUP BY n.period, n.team_id, n.dossier_id, n.unit
        ) per_unit
        GROUP BY period, team_id,
                 CASE WHEN 2 * difference >= domains THEN 'vooruitgang_groot'
                      WHEN difference > 0 THEN 'vooruitgang_klein'
                      WHEN difference = 0 THEN 'stabiel'
                      ELSE 'achteruitgang' END
        """
    )
    collector.dimension_counts("zrm_development", {(p, t, category): n for p, t, category, n in rows})
