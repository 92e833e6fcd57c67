"""Goal attainment (doelbereik), client rating (rapportcijfer) and data quality
(registratiediscipline), all over the dossiers closed in the period, plus the missing
nulmetingen of long-running dossiers."""

from collections import Counter

from reporting.indicators.collector import Collector
from reporting.indicators.sql import ACTIVE_DOSSIERS, fetch, in_period, periods_cte, zrm_figures_only
from zrm.models import MeasurementType

INSUFFICIENT_RATING = 5  # 1-5 is onvoldoende
BASELINE_GRACE_DAYS = 42


def compute(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    groups = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, d.closure_reason, d.can_continue_independently, d.client_rating,
               CASE WHEN d.support_started_on IS NULL THEN 1 ELSE 0 END, COUNT(*)
        FROM cases_dossier d
        JOIN periods p ON {in_period("d.closed_on", periods)}
        GROUP BY p.code, d.team_id, d.closure_reason, d.can_continue_independently, d.client_rating,
                 CASE WHEN d.support_started_on IS NULL THEN 1 ELSE 0 END
        """,
        params,
    )
    closed, reasons, answers, ratings = Counter(), Counter(), Counter(), Counter()
    rating_sum, no_start = Counter(), Counter()
    for period, team, reason, answer, rating, missing_start, n in groups:
        key = (period, team)
        closed[key] += n
        reasons[(*key, reason)] += n
        if answer:
            answers[(*key, answer)] += n
        if rating is not None:
            ratings[(*key, str(rating))] += n
            rating_sum[key] += rating * n
        no_start[key] += missing_start * n
    rated = Counter()
    insufficient = Counter()
    for (period, team, rating), n in ratings.items():
        rated[(period, team)] += n
        if int(rating) <= INSUFFICIENT_RATING:
            insufficient[(period, team)] += n

    collector.dimension_counts("closure_reason", reasons)
    collector.ratios("closed_according_to_plan_pct",
                     {k: (reasons[(*k, "volgens_plan")], n) for k, n in closed.items()}, scale=100)
    collector.dimension_counts("can_continue_independently", answers)
    collector.ratios("can_continue_independently_pct",
                     {k: (answers[(*k, "ja")], answers[(*k, "ja")] + answers[(*k, "nee")]) for k in closed},
                     scale=100)
    collector.ratios("client_rating_mean", {k: (rating_sum[k], n) for k, n in rated.items()})
    collector.dimension_counts("client_rating", ratings)
    collector.counts("client_rating_insufficient", dict(insufficient))
    collector.ratios("client_rating_response_pct", {k: (rated[k], n) for k, n in closed.items()}, scale=100)
    collector.ratios("missing_support_start_pct", {k: (no_start[k], n) for k, n in closed.items()}, scale=100)
    collector.ratios("missing_rating_pct", {k: (n - rated[k], n) for k, n in closed.items()}, scale=100)

    safeguards = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, s.safeguard, COUNT(*)
        FROM cases_dossier d
        JOIN periods p ON {in_period("d.closed_on", periods)}
        JOIN cases_dossiersafeguard s ON s.dossier_id = d.id
        GROUP BY p.code, d.team_id, s.safeguard
        """,
        params,
    )
    collector.dimension_counts("closure_safeguard", {(p, t, code): n for p, t, code, n in safeguards})

    # Dossiers active in P registered more than 42 days before its end, without a
    # nulmeting dated on or before the end.
    baseline_cte, baseline_params = periods_cte(periods, days_before_end=BASELINE_GRACE_DAYS)
    baseline = fetch(
        f"""
        WITH {baseline_cte},
        first_baseline AS (
            SELECT a.id AS dossier_id,
                   (SELECT MIN(m.measured_on) FROM zrm_measurement m
                    WHERE m.dossier_id = a.id AND m.type = '{MeasurementType.BASELINE.value}'
                      AND {zrm_figures_only("m")}) AS measured_on
            FROM (SELECT DISTINCT id FROM {ACTIVE_DOSSIERS}) a
        )
        SELECT p.code, d.team_id,
               SUM(CASE WHEN b.measured_on IS NULL OR b.measured_on > p.end_on THEN 1 ELSE 0 END),
               COUNT(*)
        FROM {ACTIVE_DOSSIERS} d
        JOIN periods p ON p.n = d.n AND d.registered_on < p.cutoff_on
        LEFT JOIN first_baseline b ON b.dossier_id = d.id
        GROUP BY p.code, d.team_id
        """,
        baseline_params,
    )
    collector.ratios("missing_baseline_pct", {(p, t): (missing, n) for p, t, missing, n in baseline}, scale=100)
