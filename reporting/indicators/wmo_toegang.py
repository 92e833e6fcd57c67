"""Wmo toegang (wmo-toegang.md, family "Wmo toegang"): meldingen, the terms of the onderzoek
(42 days) and of the beschikking (14 days), delivery as the providers report it, and the
estimated cost of the maatwerk granted. A melding or referral counts for its dossier's team.
Delivery and cost count referrals with status ``toegekend`` only.

Calendar days are plain date differences (the dates of an allocation may lie beyond the
working-day calendar). The cost is summed exactly: per (period, team, category, frequency)
the database sums whole numbers (volume × tariff in cents × days), Python divides by the
frequency's days and rounds the euros to cents once, at the end."""

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db import connection

from maatwerk.models import IwmoFrequency, Status
from reporting.indicators.collector import ALL, Collector
from reporting.indicators.sql import fetch, in_period, periods_cte

ONDERZOEK_TERM = 42
BESCHIKKING_TERM = 14
OPEN_ENDED_DAYS = 365  # starts_on + 364 days, both ends counted
GRANTED = f"'{Status.GRANTED.value}'"
# F per frequency, as a fraction of N (the days of the allocation); "6" (totaal) is 1, not N.
PER_DAYS = {IwmoFrequency.PER_DAY.value: Fraction(1), IwmoFrequency.PER_WEEK.value: Fraction(1, 7),
            IwmoFrequency.PER_MONTH.value: Fraction(12 * 4, 1461)}  # 12 / 365.25


def days(later: str, earlier: str) -> str:
    """``later - earlier`` in calendar days, as an integer (PostgreSQL and SQLite)."""
    if connection.vendor == "postgresql":
        return f"({later} - {earlier})"
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


def compute(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    meldingen = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, COUNT(*)
        FROM maatwerk_melding m
        JOIN periods p ON {in_period("m.melding_on", periods)}
        JOIN cases_dossier d ON d.id = m.dossier_id
        GROUP BY p.code, d.team_id
        """,
        params,
    )
    collector.counts("wmo_meldingen", {(p, t): n for p, t, n in meldingen})

    onderzoek = days("m.verslag_on", "m.melding_on")
    verslagen = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, COUNT(*), SUM({onderzoek}),
               SUM(CASE WHEN {onderzoek} <= {ONDERZOEK_TERM} THEN 1 ELSE 0 END)
        FROM maatwerk_melding m
        JOIN periods p ON {in_period("m.verslag_on", periods)}
        JOIN cases_dossier d ON d.id = m.dossier_id
        GROUP BY p.code, d.team_id
        """,
        params,
    )
    collector.ratios("wmo_onderzoek_days_mean", {(p, t): (total, n) for p, t, n, total, _in in verslagen})
    collector.ratios("wmo_onderzoek_in_term_pct", {(p, t): (in_term, n) for p, t, n, _t, in_term in verslagen},
                     scale=100)

    beschikking = days("f.decided_on", "f.requested_on")
    decided = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, COUNT(*), SUM({beschikking}),
               SUM(CASE WHEN {beschikking} <= {BESCHIKKING_TERM} THEN 1 ELSE 0 END)
        FROM maatwerk_referral f
        JOIN periods p ON {in_period("f.decided_on", periods)}
        JOIN cases_dossier d ON d.id = f.dossier_id
        WHERE f.status IN ({GRANTED}, '{Status.REJECTED.value}') AND f.requested_on IS NOT NULL
        GROUP BY p.code, d.team_id
        """,
        params,
    )
    collector.ratios("wmo_beschikking_days_mean", {(p, t): (total, n) for p, t, n, total, _in in decided})
    collector.ratios("wmo_beschikking_in_term_pct", {(p, t): (in_term, n) for p, t, n, _t, in_term in decided},
                     scale=100)

    started = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, COUNT(*), SUM({days("f.delivery_started_on", "f.decided_on")})
        FROM maatwerk_referral f
        JOIN periods p ON {in_period("f.delivery_started_on", periods)}
        JOIN cases_dossier d ON d.id = f.dossier_id
        WHERE f.status = {GRANTED} AND f.decided_on IS NOT NULL
        GROUP BY p.code, d.team_id
        """,
        params,
    )
    collector.ratios("delivery_started_days_mean", {(p, t): (total, n) for p, t, n, total in started})

    ended = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, f.delivery_end_reason, COUNT(*)
        FROM maatwerk_referral f
        JOIN periods p ON {in_period("f.delivery_ended_on", periods)}
        JOIN cases_dossier d ON d.id = f.dossier_id
        WHERE f.status = {GRANTED}
        GROUP BY p.code, d.team_id, f.delivery_end_reason
        """,
        params,
    )
    total, by_reason = Counter(), Counter()
    for period, team, reason, n in ended:
        total[(period, team)] += n
        by_reason[(period, team, f"reason:{reason}")] += n
    collector.counts("delivery_ended", dict(total))
    collector.dimension_counts("delivery_ended", by_reason)
    _cost(periods, collector, cte, params)


def _cost(periods, collector: Collector, cte: str, params: list) -> None:
    """maatwerk_cost_granted: sum of volume × tariff / 100 × F over the referrals granted in P."""
    allocation_days = f"""CASE WHEN f.ends_on IS NULL THEN {OPEN_ENDED_DAYS}
                              ELSE {days("f.ends_on", "f.starts_on")} + 1 END"""
    rows = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, pr.iwmo_category, f.frequency, COUNT(*),
               SUM(CASE WHEN f.frequency = '{IwmoFrequency.TOTAL.value}' THEN f.volume * pr.tariff_cents
                        ELSE f.volume * pr.tariff_cents * ({allocation_days}) END)
        FROM maatwerk_referral f
        JOIN periods p ON {in_period("f.decided_on", periods)}
        JOIN cases_dossier d ON d.id = f.dossier_id
        JOIN maatwerk_product pr ON pr.id = f.product_id
        WHERE f.status = {GRANTED} AND f.volume IS NOT NULL AND f.unit <> '' AND f.frequency <> ''
          AND pr.tariff_cents IS NOT NULL
          AND (f.starts_on IS NOT NULL OR f.frequency = '{IwmoFrequency.TOTAL.value}')
        GROUP BY p.code, d.team_id, pr.iwmo_category, f.frequency
        """,
        params,
    )
    cents: dict = {}
    counts: Counter = Counter()
    for period, team, category, frequency, n, summed in rows:
        amount = Fraction(int(summed)) * PER_DAYS.get(frequency, Fraction(1))
        for key in ((period, team, ""), (period, ALL, ""), *(((period, team, f"category:{category}"),
                                                              (period, ALL, f"category:{category}"))
                                                             if category else ())):
            cents[key] = cents.get(key, Fraction(0)) + amount
            counts[key] += n
    for period in collector.periods:
        for team in [*collector.team_ids, ALL]:
            key = (period, team, "")
            collector.value(period, team, "maatwerk_cost_granted", _euros(cents.get(key, Fraction(0))),
                            counts[key])
    for (period, team, dimension), amount in cents.items():
        if dimension and counts[(period, team, dimension)]:
            collector.value(period, team, "maatwerk_cost_granted", _euros(amount), counts[(period, team, dimension)],
                            dimension=dimension)


def _euros(cents: Fraction) -> float:
    """Exact cents to euros, rounded to cents once (half up)."""
    euros = Decimal(cents.numerator) / Decimal(cents.denominator) / 100
    return float(euros.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
