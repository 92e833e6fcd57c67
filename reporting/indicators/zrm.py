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
PAIRS = "reporting_zrm_pairs"


def _json_sql() -> tuple[str, str]:
    """(unpack the nulmeting's scores into rows s(key, value), the same domain's score in {m})."""
    if connection.vendor == "postgresql":
        return "CROSS JOIN LATERAL jsonb_each_text(n.scores) AS s (key, value)", "CAST({m}.scores ->> s.key AS integer)"
    return "JOIN json_each(n.scores) AS s", "json_extract({m}.scores, '$.' || s.key)"


def _analyze(table: str) -> None:
    if connection.vendor == "postgresql":
        execute(f"ANALYZE {table}")  # temporary tables have no statistics until analysed


def _build(periods) -> None:
    """Per unit its nulmeting, doelmeting and last measurement (one row), then per unit and
    domain scored in the nulmeting the three scores side by side."""
    cte, params = periods_cte(periods)
    execute(f"DROP TABLE IF EXISTS {UNITS}")
    execute(
        f"""
        CREATE TEMP TABLE {UNITS} AS
        WITH {cte},
        ranked AS (
            SELECT p.code AS period, d.team_id AS team_id, m.dossier_id AS dossier_id,
                   COALESCE(m.client_id, 0) AS unit, i.supplement AS supplement, m.id AS measurement_id,
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
        SELECT period, team_id, dossier_id, unit, supplement,
               MAX(CASE WHEN role = 'nulmeting' THEN measurement_id END) AS nul_id,
               MAX(CASE WHEN role = 'doelmeting' THEN measurement_id END) AS goal_id,
               MAX(CASE WHEN role = 'last' THEN measurement_id END) AS last_id
        FROM ranked WHERE position = 1
        GROUP BY period, team_id, dossier_id, unit, supplement
        """,
        params,
    )
    _analyze(UNITS)
    unpack, score_in = _json_sql()
    execute(f"DROP TABLE IF EXISTS {PAIRS}")
    execute(
        f"""
        CREATE TEMP TABLE {PAIRS} AS
        SELECT u.period, u.team_id, u.dossier_id, u.unit, s.key AS domain, CAST(s.value AS integer) AS nul,
               {score_in.format(m="g")} AS goal, {score_in.format(m="l")} AS last
        FROM {UNITS} u
        JOIN zrm_measurement n ON n.id = u.nul_id
        {unpack}
        LEFT JOIN zrm_measurement g ON g.id = u.goal_id
        LEFT JOIN zrm_measurement l ON l.id = u.last_id
        """
    )


def compute(periods, collector: Collector) -> None:
    _build(periods)
    try:
        _per_domain(collector)
        _development(collector)
    finally:
        execute(f"DROP TABLE IF EXISTS {PAIRS}")
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


def _per_domain(collector: Collector) -> None:
    """Baseline distribution, goal gap and change per domain, from one grouped scan."""
    rows = fetch(
        f"""
        SELECT period, team_id, domain, nul, COUNT(*),
               SUM(goal - nul), COUNT(goal), SUM(last - nul), COUNT(last)
        FROM {PAIRS}
        GROUP BY period, team_id, domain, nul
        """
    )
    steps, scored, total, low = Counter(), Counter(), Counter(), Counter()
    gap, change = {}, {}
    for period, team, domain, nul, n, gap_sum, gap_n, change_sum, change_n in rows:
        key = (period, team, domain)
        steps[(period, team, f"{domain}:{nul}")] += n
        scored[key] += n
        total[key] += nul * n
        if nul <= INSUFFICIENT:
            low[key] += n
        gap[key] = tuple(a + b for a, b in zip(gap.get(key, (0, 0)), (gap_sum or 0, gap_n), strict=True))
        change[key] = tuple(a + b for a, b in zip(change.get(key, (0, 0)), (change_sum or 0, change_n), strict=True))
    collector.dimension_counts("zrm_baseline_score", steps)
    collector.ratios("zrm_baseline_insufficient_pct", {k: (low[k], n) for k, n in scored.items()},
                     scale=100, dimension=None)
    collector.ratios("zrm_baseline_mean", {k: (total[k], n) for k, n in scored.items()}, dimension=None)
    collector.ratios("zrm_goal_gap_mean", gap, dimension=None)
    collector.ratios("zrm_change_mean", change, dimension=None)


def _development(collector: Collector) -> None:
    category = """CASE WHEN 2 * difference >= domains THEN 'vooruitgang_groot'
                       WHEN difference > 0 THEN 'vooruitgang_klein'
                       WHEN difference = 0 THEN 'stabiel'
                       ELSE 'achteruitgang' END"""
    rows = fetch(
        f"""
        SELECT period, team_id, {category}, COUNT(*)
        FROM (
            SELECT period, team_id, dossier_id, unit, SUM(last - nul) AS difference, COUNT(last) AS domains
            FROM {PAIRS}
            GROUP BY period, team_id, dossier_id, unit
            HAVING COUNT(last) > 0
        ) per_unit
        GROUP BY period, team_id, {category}
        """
    )
    collector.dimension_counts("zrm_development", {(p, t, category): n for p, t, category, n in rows})
