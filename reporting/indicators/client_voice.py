"""Client voice (client-voice.md, family "Client voice"): how clients experienced the
support (the questionnaire at closure, per statement, with the response rate), who
coordinates the support after closure (regie), who scored the ZRM, and whether adults moved
up the participatieladder.

Answers are counted, never traced: every figure is a count or a share over a team's (or all
teams') questionnaires; the dashboards hide a share of fewer than 5 answers
(``SUPPRESS_BELOW``), the API keeps the exact rows with their counts.

The participatieladder follows the units and "last" of the ZRM family: a unit is a
(dossier, member) pair (or the household), its nulmeting the most recent one dated on or
before the period's end, its last measurement the eindmeting if there is one by then, else
its most recent tussenmeting; a doelmeting never counts."""

from collections import Counter

from django.db import connection

from reporting.indicators.collector import Collector
from reporting.indicators.sql import fetch, in_period, periods_cte
from voice.models import AGREE, SCALE
from zrm.models import PARTICIPATIELADDER, InstrumentKind, ScoredWith
from zrm.models import MeasurementType as Type

SUPPRESS_BELOW = 5  # dashboards show no share of fewer answers to a statement
UNKNOWN = "onbekend"


def _answers_sql() -> str:
    """Unpack a questionnaire q's answers into rows a(key, value)."""
    if connection.vendor == "postgresql":
        return "CROSS JOIN LATERAL jsonb_each_text(q.answers) AS a (key, value)"
    return "JOIN json_each(q.answers) AS a"


def _ladder_step(alias: str) -> str:
    if connection.vendor == "postgresql":
        return f"CAST({alias}.scores ->> 'participatie' AS integer)"
    return f"json_extract({alias}.scores, '$.participatie')"


def _quoted(values) -> str:
    return ", ".join(f"'{v}'" for v in values)  # codes of this module, never input


def compute(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    _experience(periods, collector, cte, params)
    _closed(periods, collector, cte, params)
    scored = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, m.scored_with, COUNT(*)
        FROM zrm_measurement m
        JOIN periods p ON {in_period("m.measured_on", periods)}
        JOIN cases_dossier d ON d.id = m.dossier_id
        WHERE m.instrument_id IN (SELECT zi.id FROM zrm_instrument zi WHERE zi.kind <> '{PARTICIPATIELADDER}')
        GROUP BY p.code, d.team_id, m.scored_with
        """,
        params,
    )
    collector.dimension_counts("zrm_scored_with", Counter({
        (p, t, who if who in ScoredWith.values else UNKNOWN): n for p, t, who, n in scored}))
    _participation(periods, collector, cte, params)


def _experience(periods, collector: Collector, cte: str, params: list) -> None:
    """Per statement: answers 1 or 2 among the answers 1-5 (weet_niet and blanks left out)."""
    rows = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, a.key,
               SUM(CASE WHEN a.value IN ({_quoted(AGREE)}) THEN 1 ELSE 0 END), COUNT(*)
        FROM voice_questionnaire q
        JOIN periods p ON {in_period("q.answered_on", periods)}
        JOIN cases_dossier d ON d.id = q.dossier_id
        {_answers_sql()}
        WHERE a.value IN ({_quoted(SCALE)})
        GROUP BY p.code, d.team_id, a.key
        """,
        params,
    )
    collector.ratios("client_experience_agree_pct", {(p, t, code): (agree, n) for p, t, code, agree, n in rows},
                     scale=100, dimension=None)


def _closed(periods, collector: Collector, cte: str, params: list) -> None:
    """Over closed(P): the share with a questionnaire (whenever answered), and regie after closure."""
    rows = fetch(
        f"""
        WITH {cte}
        SELECT p.code, d.team_id, d.regie_after, COUNT(*), COUNT(q.id)
        FROM cases_dossier d
        JOIN periods p ON {in_period("d.closed_on", periods)}
        LEFT JOIN voice_questionnaire q ON q.dossier_id = d.id
        GROUP BY p.code, d.team_id, d.regie_after
        """,
        params,
    )
    closed, answered, regie = Counter(), Counter(), Counter()
    for period, team, who, n, with_questionnaire in rows:
        closed[(period, team)] += n
        answered[(period, team)] += with_questionnaire
        regie[(period, team, who or UNKNOWN)] += n
    collector.ratios("client_experience_response_pct", {k: (answered[k], n) for k, n in closed.items()}, scale=100)
    collector.dimension_counts("regie_after", regie)


def _participation(periods, collector: Collector, cte: str, params: list) -> None:
    """participation_up_pct over the participatieladder units of closed(P) dossiers."""
    role = (f"CASE m.type WHEN '{Type.BASELINE.value}' THEN 0 WHEN '{Type.FINAL.value}' THEN 1 ELSE 2 END")
    rows = fetch(
        f"""
        WITH {cte},
        closed AS (
            SELECT p.code AS code, p.end_on AS end_on, d.id AS dossier_id, d.team_id AS team_id
            FROM cases_dossier d JOIN periods p ON {in_period("d.closed_on", periods)}
        ),
        ranked AS (
            SELECT c.code AS code, c.team_id AS team_id, m.dossier_id AS dossier_id,
                   COALESCE(m.client_id, 0) AS unit, {role} AS role, m.measured_on AS measured_on,
                   {_ladder_step("m")} AS step,
                   ROW_NUMBER() OVER (
                       PARTITION BY c.code, m.dossier_id, COALESCE(m.client_id, 0), {role}
                       ORDER BY m.measured_on DESC, m.id DESC
                   ) AS rn
            FROM closed c
            JOIN zrm_measurement m ON m.dossier_id = c.dossier_id
            WHERE m.measured_on <= c.end_on
              AND m.type IN ('{Type.BASELINE.value}', '{Type.FINAL.value}', '{Type.INTERIM.value}')
              AND m.instrument_id IN (SELECT zi.id FROM zrm_instrument zi
                                      WHERE zi.kind = '{InstrumentKind.PARTICIPATION.value}')
        ),
        units AS (
            SELECT code, team_id,
                   MAX(CASE WHEN role = 0 THEN measured_on END) AS nul_on,
                   MAX(CASE WHEN role = 0 THEN step END) AS nul_step,
                   MAX(CASE WHEN role = 1 THEN measured_on END) AS final_on,
                   MAX(CASE WHEN role = 1 THEN step END) AS final_step,
                   MAX(CASE WHEN role = 2 THEN measured_on END) AS interim_on,
                   MAX(CASE WHEN role = 2 THEN step END) AS interim_step
            FROM ranked WHERE rn = 1
            GROUP BY code, team_id, dossier_id, unit
        ),
        compared AS (
            SELECT code, team_id, nul_on, nul_step,
                   CASE WHEN final_on IS NOT NULL THEN final_on ELSE interim_on END AS last_on,
                   CASE WHEN final_on IS NOT NULL THEN final_step ELSE interim_step END AS last_step
            FROM units
        )
        SELECT code, team_id, SUM(CASE WHEN last_step > nul_step THEN 1 ELSE 0 END), COUNT(*)
        FROM compared
        WHERE nul_on IS NOT NULL AND last_on IS NOT NULL AND last_on > nul_on
          AND nul_step IS NOT NULL AND last_step IS NOT NULL
        GROUP BY code, team_id
        """,
        params,
    )
    collector.ratios("participation_up_pct", {(p, t): (up, n) for p, t, up, n in rows}, scale=100)
