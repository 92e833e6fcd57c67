"""Journal (contactmomenten): journal entries written in the period that are a contact
(every kind but ``notitie``) and not a correction, per kind, and their minutes."""

from collections import defaultdict

from reporting.indicators.collector import ALL, Collector
from reporting.indicators.sql import fetch, in_period, periods_cte

NOTE = "notitie"


def compute(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    rows = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, j.kind, COUNT(*), COUNT(j.minutes), COALESCE(SUM(j.minutes), 0)
        FROM journal_journalentry j
        JOIN periods p ON {in_period("j.written_on", periods)}
        JOIN cases_dossier d ON d.id = j.dossier_id
        WHERE j.kind <> %s AND j.corrects_id IS NULL
        GROUP BY p.code, d.team_id, j.kind
        """,
        [*params, NOTE],
    )
    moments: dict = defaultdict(int)
    minutes: dict = defaultdict(lambda: (0, 0))  # (sum of minutes, entries with minutes)
    for period, team, _kind, n, with_minutes, total in rows:
        moments[(period, team)] += n
        for key in ((period, team), (period, ALL)):
            summed, counted = minutes[key]
            minutes[key] = (summed + total, counted + with_minutes)
    collector.counts("contact_moments", dict(moments))
    collector.dimension_counts("contact_moments", {(p, t, kind): n for p, t, kind, n, _m, _s in rows})
    for period in collector.periods:
        for team in [*collector.team_ids, ALL]:
            summed, counted = minutes.get((period, team), (0, 0))
            collector.value(period, team, "contact_minutes", float(summed), counted)
