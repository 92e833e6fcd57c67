"""Care referrals (doorstroom maatwerk): granted and rejected decisions, and care that
started, in the period. A referral counts for the team its dossier belongs to."""

from collections import Counter

from maatwerk.models import Status
from reporting.indicators.collector import Collector
from reporting.indicators.sql import fetch, in_period, periods_cte


def compute(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    decided = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, f.status, pr.code, pv.code, pr.category, COUNT(*)
        FROM maatwerk_referral f
        JOIN periods p ON {in_period("f.decided_on", periods)}
        JOIN cases_dossier d ON d.id = f.dossier_id
        JOIN maatwerk_product pr ON pr.id = f.product_id
        JOIN maatwerk_provider pv ON pv.id = f.provider_id
        WHERE f.status IN ('{Status.GRANTED.value}', '{Status.REJECTED.value}')
        GROUP BY p.code, d.team_id, f.status, pr.code, pv.code, pr.category
        """,
        params,
    )
    granted, rejected, granted_by = Counter(), Counter(), Counter()
    for period, team, status, product, provider, category, n in decided:
        if status == Status.REJECTED:
            rejected[(period, team)] += n
            continue
        granted[(period, team)] += n
        granted_by[(period, team, f"product:{product}")] += n
        granted_by[(period, team, f"provider:{provider}")] += n
        granted_by[(period, team, f"category:{category}")] += n
    collector.counts("referrals_granted", dict(granted))
    collector.dimension_counts("referrals_granted", granted_by)
    collector.counts("referrals_rejected", dict(rejected))

    started = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, pr.category, COUNT(*)
        FROM maatwerk_referral f
        JOIN periods p ON {in_period("f.starts_on", periods)}
        JOIN cases_dossier d ON d.id = f.dossier_id
        JOIN maatwerk_product pr ON pr.id = f.product_id
        WHERE f.status = '{Status.GRANTED.value}'
        GROUP BY p.code, d.team_id, pr.category
        """,
        params,
    )
    total, by_category = Counter(), Counter()
    for period, team, category, n in started:
        total[(period, team)] += n
        by_category[(period, team, f"category:{category}")] += n
    collector.counts("care_started", dict(total))
    collector.dimension_counts("care_started", by_category)
