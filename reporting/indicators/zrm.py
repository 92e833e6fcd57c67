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

from reporting.indicators import zrm_detail
from reporting.indicators.collector import Collector
from reporting.indicators.sql import (
    ACTIVE_DOSSIERS,
    execute,
    fetch,
    in_period,
    index_lookups,
    periods_cte,
    zrm_figures_only,
)
from zrm.models import MeasurementType as Type

INSUFFICIENT = 3  # steps 1-3: onvoldoende zelfredzaam
COMBOS = "reporting_zrm_combos"  # a unit's measurements with the set of periods they count in
NUL, GOAL, LAST = 0, 1, 2  # roles of a unit's measurements
MASK = "CAST(SUM(CAST(1 AS bigint) << period) AS bigint)"  # a unit's periods as one number


def _json_sql() -> tuple[str, str]:
    """(unpack the nulmeting n's scores into rows s(key, value), the same domain's score in {m})."""
    if connection.vendor == "postgresql":
        return "CROSS JOIN LATERAL jsonb_each_text(n.scores) AS s (key, value)", "CAST({m}.scores ->> s.key AS integer)"
    return "JOIN json_each(n.scores) AS s", "json_extract({m}.scores, '$.' || s.key)"


def _build_units(periods, first: int) -> None:
    """The distinct combinations (unit, nulmeting, doelmeting, last measurement) of the
    units with a nulmeting, with the set of periods (``mask``) they hold in. ``periods`` are
    the computation's periods from number ``first`` on (bit 0 is period ``first``).

    The measurement of a role that counts in P is the most recent one dated on or before P's
    end, so each measurement counts for the period ends from its own date up to the next
    measurement of the same unit, role and kind (``next_on``, exclusive: of two on one day the
    later id wins). A tussenmeting counts as "last" only until the unit's first eindmeting
    (``first_end_on``). One pass of window functions over the measurements of active dossiers
    gives these ranges; the periods are then a join on the range, where sorting the
    measurements once per period cost twice as much (measured at 100,000 dossiers)."""
    cte, params = periods_cte(periods, first=first)
    role = f"CASE m.type WHEN '{Type.BASELINE.value}' THEN {NUL} WHEN '{Type.GOAL.value}' THEN {GOAL} ELSE {LAST} END"
    final = f"CASE WHEN m.type = '{Type.FINAL.value}' THEN 1 ELSE 0 END"
    last_end = max(p.end for p in periods).isoformat()  # a date, never input
    execute(f"DROP TABLE IF EXISTS {COMBOS}")
    execute(
        f"""
        CREATE TEMP TABLE {COMBOS} AS
        WITH {cte},
        measured AS (
            SELECT m.id AS id, m.dossier_id AS dossier_id, COALESCE(m.client_id, 0) AS unit,
                   i.supplement AS supplement, {role} AS role, {final} AS final, m.measured_on AS measured_on,
                   LEAD(m.measured_on) OVER (
                       PARTITION BY m.dossier_id, COALESCE(m.client_id, 0), i.supplement, {role}, {final}
                       ORDER BY m.measured_on, m.id
                   ) AS next_on,
                   MIN(CASE WHEN m.type = '{Type.FINAL.value}' THEN m.measured_on END) OVER (
                       PARTITION BY m.dossier_id, COALESCE(m.client_id, 0), i.supplement, {role}
                   ) AS first_end_on
            FROM zrm_measurement m
            JOIN zrm_instrument i ON i.id = m.instrument_id
            WHERE m.measured_on <= '{last_end}' AND m.dossier_id IN (SELECT id FROM {ACTIVE_DOSSIERS})
              AND {zrm_figures_only("m")}
        ),
        units AS (
            SELECT p.n - {first} AS period, d.team_id AS team_id, x.dossier_id AS dossier_id, x.unit AS unit,
                   x.supplement AS supplement,
                   MAX(CASE WHEN x.role = {NUL} THEN x.id END) AS nul_id,
                   MAX(CASE WHEN x.role = {GOAL} THEN x.id END) AS goal_id,
                   MAX(CASE WHEN x.role = {LAST} THEN x.id END) AS last_id
            FROM measured x
            JOIN {ACTIVE_DOSSIERS} d ON d.id = x.dossier_id
            JOIN periods p ON p.n = d.n
            WHERE x.measured_on <= p.end_on AND (x.next_on IS NULL OR p.end_on < x.next_on)
              AND (x.final = 1 OR x.first_end_on IS NULL OR p.end_on < x.first_end_on)
            GROUP BY p.n, d.team_id, x.dossier_id, x.unit, x.supplement
        )
        SELECT team_id, dossier_id, unit, nul_id, goal_id, last_id, {MASK} AS mask
        FROM units WHERE nul_id IS NOT NULL
        GROUP BY team_id, dossier_id, unit, supplement, nul_id, goal_id, last_id
        """,
        params,
    )
    if connection.vendor == "postgresql":
        execute(f"ANALYZE {COMBOS}")  # temporary tables have no statistics until analysed


MAX_PERIODS = 62  # periods of one pass: a unit's periods are the bits of a bigint


def _bits(count: int) -> str:
    """``bits(n)``: the period numbers 0 .. count-1 (literal integers, never input)."""
    return "bits (n) AS (VALUES " + ", ".join(f"({n})" for n in range(count)) + ")"



def compute(periods, collector: Collector) -> None:
    for first in range(0, len(periods), MAX_PERIODS):
        chunk = periods[first:first + MAX_PERIODS]
        codes = [p.code for p in chunk]
        _build_units(chunk, first)
        try:
            _per_domain(codes, collector)
            _development(codes, collector)
        finally:
            execute(f"DROP TABLE IF EXISTS {COMBOS}")
    cte, params = periods_cte(periods)
    counts = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, m.type, COUNT(*)
        FROM zrm_measurement m
        JOIN periods p ON {in_period("m.measured_on", periods)}
        JOIN cases_dossier d ON d.id = m.dossier_id
        WHERE {zrm_figures_only("m")}
        GROUP BY p.code, d.team_id, m.type
        """,
        params,
    )
    collector.dimension_counts("zrm_measurements", {(p, t, kind): n for p, t, kind, n in counts})


def _per_domain(codes: list[str], collector: Collector) -> None:
    """Per domain, in one pass over the units' nulmeting scores: the distribution at intake
    (share onvoldoende, mean), and the planned (doel - nul) and realised (last - nul) change
    over the units scored on the domain in both.

    A unit usually has the same three measurements in several of the periods (a quarter and
    its months): its scores are unpacked once per distinct (unit, measurements), summed per
    set of periods (``mask``), and only those sums are spread over the periods (bits)."""
    unpack, score_in = _json_sql()
    goal, last = score_in.format(m="g"), score_in.format(m="l")
    nul = "CAST(s.value AS integer)"
    # The combinations are few next to the measurements: looked up by primary key (measured
    # at 1,000,000 dossiers: 13.1 s -> 7.2-8.7 s without hash joins; at 100,000 the merge
    # joins that came instead read the whole table twice: 600 -> 330 ms without either).
    with index_lookups():
        rows = _per_domain_rows(goal, last, nul, unpack, len(codes))
    steps, scored, total, low = Counter(), Counter(), Counter(), Counter()
    gap, change = Counter(), Counter()
    detail = []
    for period, team, domain, score, n, gap_sum, gap_n, change_n, change_sum, up, same, down in rows:
        detail.append((codes[period], team, domain, score, change_n, change_sum, up, same, down))
        key = (codes[period], team, domain)
        steps[(codes[period], team, f"{domain}:{score}")] += n
        scored[key] += n
        total[key] += score * n
        if score <= INSUFFICIENT:
            low[key] += n
        gap[(*key, "sum")] += gap_sum or 0
        gap[(*key, "n")] += gap_n
        change[(*key, "sum")] += change_sum or 0
        change[(*key, "n")] += change_n
    collector.dimension_counts("zrm_baseline_score", steps)
    collector.ratios("zrm_baseline_insufficient_pct", {k: (low[k], n) for k, n in scored.items()},
                     scale=100, dimension=None)
    collector.ratios("zrm_baseline_mean", {k: (total[k], n) for k, n in scored.items()}, dimension=None)
    collector.ratios("zrm_goal_gap_mean", {k: (gap[(*k, "sum")], gap[(*k, "n")]) for k in scored}, dimension=None)
    collector.ratios("zrm_change_mean", {k: (change[(*k, "sum")], change[(*k, "n")]) for k in scored},
                     dimension=None)
    zrm_detail.collect(detail, collector)


def _per_domain_rows(goal: str, last: str, nul: str, unpack: str, periods: int) -> list[tuple]:
    # The scores of a domain are extracted once per row in ``scored`` and the aggregates read
    # the columns: written out in them, PostgreSQL extracted the last measurement's score from
    # its JSON once per aggregate, eight times (measured at 100,000 dossiers, busy host: fastest
    # of 9 runs 426 -> 322 ms, median 554 -> 487 ms).
    # OFFSET 0 keeps PostgreSQL from merging ``scored`` into the outer query.
    fence = "OFFSET 0" if connection.vendor == "postgresql" else ""
    return fetch(
        f"""
        WITH {_bits(periods)},
        scored AS (
            SELECT u.mask AS mask, u.team_id AS team_id, s.key AS domain, {nul} AS nul, {goal} AS goal, {last} AS last
            FROM {COMBOS} u
            JOIN zrm_measurement n ON n.id = u.nul_id {unpack}
            LEFT JOIN zrm_measurement g ON g.id = u.goal_id
            LEFT JOIN zrm_measurement l ON l.id = u.last_id
            {fence}
        ),
        per_mask (mask, team_id, domain, score, n, gap_sum, gap_n, change_n, change_sum, up, same, down) AS (
            SELECT v.mask, v.team_id, v.domain, v.nul, COUNT(*), SUM(v.goal - v.nul), COUNT(v.goal),
                   {zrm_detail.detail_columns("v.last", "v.nul")}
            FROM scored v
            GROUP BY v.mask, v.team_id, v.domain, v.nul
        )
        SELECT b.n, m.team_id, m.domain, m.score, {", ".join(f"CAST(SUM(m.{c}) AS bigint)" for c in (
                   "n", "gap_sum", "gap_n", "change_n", "change_sum", "up", "same", "down"))}
        FROM per_mask m JOIN bits b ON (m.mask >> b.n) & 1 = 1
        GROUP BY b.n, m.team_id, m.domain, m.score
        """
    )


def _development(codes: list[str], collector: Collector) -> None:
    """Per unit with a nulmeting and a last measurement: the mean change over the domains
    scored in both, as large / small progress, stable or decline. The scores are unpacked
    once per distinct (unit, measurements) as in ``_per_domain``; a unit's sums are then
    added up per period (over its main instrument and supplements)."""
    unpack, score_in = _json_sql()
    last = score_in.format(m="l")
    category = """CASE WHEN 2 * difference >= domains THEN 'vooruitgang_groot'
                       WHEN difference > 0 THEN 'vooruitgang_klein'
                       WHEN difference = 0 THEN 'stabiel'
                       ELSE 'achteruitgang' END"""
    rows = fetch(
        f"""
        WITH {_bits(len(codes))},
        parts AS (
            SELECT u.team_id, u.dossier_id, u.unit, u.mask,
                   SUM({last} - CAST(s.value AS integer)) AS difference, COUNT({last}) AS domains
            FROM {COMBOS} u
            JOIN zrm_measurement n ON n.id = u.nul_id {unpack}
            JOIN zrm_measurement l ON l.id = u.last_id
            GROUP BY u.team_id, u.dossier_id, u.unit, u.mask
        ),
        per_unit AS (
            SELECT b.n AS period, p.team_id AS team_id, CAST(SUM(p.difference) AS bigint) AS difference,
                   CAST(SUM(p.domains) AS bigint) AS domains
            FROM parts p JOIN bits b ON (p.mask >> b.n) & 1 = 1
            GROUP BY b.n, p.team_id, p.dossier_id, p.unit
            HAVING SUM(p.domains) > 0
        )
        SELECT period, team_id, {category}, COUNT(*)
        FROM per_unit
        GROUP BY period, team_id, {category}
        """
    )
    collector.dimension_counts("zrm_development", {(codes[p], t, c): n for p, t, c, n in rows})
