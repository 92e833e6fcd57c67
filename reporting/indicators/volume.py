"""Volume (aantallen, bereik): instroom, lopend, uitstroom, clients, waiting list,
referrers, self-referrals, reach and caseload."""

from cases.models import Team
from reporting.indicators.collector import ALL, Collector
from reporting.indicators.sql import ACTIVE_CLIENTS, ACTIVE_DOSSIERS, ACTIVE_PERIODS, fetch, in_period, periods_cte


def compute(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    rows = fetch(
        f"""
        SELECT p.code, d.team_id,
               SUM(CASE WHEN d.registered_on >= p.start_on THEN 1 ELSE 0 END),
               COUNT(*),
               SUM(CASE WHEN d.closed_on IS NOT NULL AND d.closed_on <= p.end_on THEN 1 ELSE 0 END),
               SUM(CASE WHEN d.closed_on IS NULL OR d.closed_on > p.end_on THEN 1 ELSE 0 END),
               SUM(CASE WHEN (d.closed_on IS NULL OR d.closed_on > p.end_on)
                         AND (d.support_started_on IS NULL OR d.support_started_on > p.end_on) THEN 1 ELSE 0 END),
               SUM(CASE WHEN d.registered_on >= p.start_on AND r.self_referral THEN 1 ELSE 0 END)
        FROM {ACTIVE_DOSSIERS} d
        JOIN {ACTIVE_PERIODS} p ON p.n = d.n
        LEFT JOIN cases_referrer r ON r.id = d.referrer_id
        GROUP BY p.code, d.team_id
        """
    )
    by_key = {(period, team): values for period, team, *values in rows}
    registered = {k: v[0] for k, v in by_key.items()}
    collector.counts("dossiers_registered", registered)
    collector.counts("dossiers_active", {k: v[1] for k, v in by_key.items()})
    collector.counts("dossiers_closed", {k: v[2] for k, v in by_key.items()})
    collector.counts("waiting_list", {k: v[4] for k, v in by_key.items()})
    collector.ratios("self_referral_pct", {k: (v[5], v[0]) for k, v in by_key.items()}, scale=100)

    referrers = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, r.code, COUNT(*)
        FROM cases_dossier d
        JOIN periods p ON {in_period("d.registered_on", periods)}
        JOIN cases_referrer r ON r.id = d.referrer_id
        GROUP BY p.code, d.team_id, r.code
        """,
        params,
    )
    collector.dimension_counts("referrer", {(p, t, code): n for p, t, code, n in referrers})

    # Distinct clients per team, and per period over all teams: a client who is a member of
    # dossiers of two teams counts once in the all-teams figure (team_id NULL, active.py).
    codes = [p.code for p in periods]
    clients, clients_all = {}, {}
    for n, team_id, count in fetch(
        f"SELECT n, team_id, CAST(SUM(clients) AS bigint) FROM {ACTIVE_CLIENTS} GROUP BY n, team_id"
    ):
        if team_id is None:
            clients_all[codes[n]] = count
        else:
            clients[(codes[n], team_id)] = count
    teams = {t.pk: t for t in Team.objects.all()}
    populations = [t.population for t in teams.values()]
    ftes = [t.fte for t in teams.values()]
    total_population = sum(populations) if teams and None not in populations else None
    total_fte = sum(ftes) if teams and None not in ftes else None
    for period in collector.periods:
        for team_id in [*collector.team_ids, ALL]:
            if team_id is ALL:
                active_clients = clients_all.get(period, 0)
                open_at_end = sum(v[3] for (p, _t), v in by_key.items() if p == period)
                population, fte = total_population, total_fte
            else:
                active_clients = clients.get((period, team_id), 0)
                open_at_end = by_key.get((period, team_id), (0, 0, 0, 0))[3]
                population, fte = teams[team_id].population, teams[team_id].fte
            collector.value(period, team_id, "clients_active", float(active_clients), active_clients)
            reach = 1000 * active_clients / population if population else None
            collector.value(period, team_id, "reach_per_1000", reach, active_clients)
            caseload = open_at_end / float(fte) if fte else None
            collector.value(period, team_id, "caseload_per_fte", caseload, open_at_end)
