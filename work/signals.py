"""Signals: tasks the system raises itself and closes itself when the condition is gone.

Each signal is one SELECT of the (dossier, key, due date) triples whose condition holds
today (codes from the models' choices, never typed into the SQL). ``derive`` turns them
into tasks with three set-based statements per signal: insert the triples that have no
task yet, reopen a task the system had closed when its condition is back, and close
(``resolved_at``) the open tasks whose condition is gone.
Running it twice changes nothing the second time; the unique constraint on (dossier,
signal, key) makes a duplicate impossible even when two runs overlap (ON CONFLICT DO
NOTHING). The nightly Celery task and the "bijwerken" button both call ``derive``.

Conditions (open dossiers only; "today" is the local date):
- nulmeting_ontbreekt: registered 42 days or more ago, no nulmeting.
- tussenmeting (key 6/12/18): N months of support reached, no tussenmeting measured
  since N-1 months of support.
- doel_verlopen (key: goal id): a goal ``lopend`` whose target date has passed.
- verwijzing_wacht (key: referral id): a referral ``aangevraagd`` more than 28 days ago.
- zorg_eindigt (key: referral id): granted care that ends within 8 weeks (56 days).
- wacht_op_start: no support start after more than 10 working days since registration.
- geen_regisseur: transferred to its team and no lead worker since.
- onderzoek_termijn (key: melding id): a Wmo melding without a report to the client 28 days
  or more after it was received (due: melding + 42 days, the legal term of the onderzoek).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import holidays
from dateutil.relativedelta import relativedelta
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from cases.models import Dossier, DossierEvent, EventKind
from maatwerk.models import ONDERZOEK_TERM, Melding, Referral, Status
from plans.models import Goal, GoalStatus
from work.models import Signal, Task
from zrm.models import Measurement, MeasurementType

BASELINE_DAYS = 42
INTERIM_MONTHS = (6, 12, 18)
REFERRAL_PENDING_DAYS = 28
CARE_ENDING_DAYS = 56
WAITING_WORKING_DAYS = 10
ONDERZOEK_WARNING_DAYS = 14  # the signal opens two weeks before the onderzoek's term lapses

DOSSIER = Dossier._meta.db_table
MEASUREMENT = Measurement._meta.db_table
REFERRAL = Referral._meta.db_table
MELDING = Melding._meta.db_table
GOAL = Goal._meta.db_table
EVENT = DossierEvent._meta.db_table
TASK = Task._meta.db_table
CURRENT = "work_signal_current"  # temporary: the triples of one condition


def _plus(column: str, amount: int, unit: str) -> str:
    """``column`` + a constant number of days or months, as a date (PostgreSQL and SQLite)."""
    if connection.vendor == "postgresql":
        return f"CAST({column} + INTERVAL '{int(amount)} {unit}' AS DATE)"
    return f"date({column}, '{int(amount):+d} {unit}')"


def working_day_cutoff(today: dt.date, count: int = WAITING_WORKING_DAYS) -> dt.date:
    """The (count+1)-th working day back from today (today included): a dossier registered
    before it has more than ``count`` working days d with registered < d <= today."""
    public = holidays.country_holidays("NL", years=range(today.year - 1, today.year + 1))
    day, seen = today, 0
    while True:
        if day.weekday() < 5 and day not in public:
            seen += 1
            if seen == count + 1:
                return day
        day -= dt.timedelta(days=1)


@dataclass(frozen=True)
class Condition:
    signal: str
    sql: str  # SELECT dossier_id, k, due_on ... (the dossier as d, already restricted to open dossiers)
    params: tuple


# Conditions of apps above work (the front door's overdue early signals), registered in their
# AppConfig.ready: work cannot import them (ADR 0140). Each is called with today.
_extra_conditions: list = []


def register_conditions(source) -> None:
    """``source(today) -> list[Condition]``; its signal must be one of ``Signal``."""
    if source not in _extra_conditions:
        _extra_conditions.append(source)


def conditions(today: dt.date) -> list[Condition]:
    return [*_own_conditions(today), *(c for source in _extra_conditions for c in source(today))]


def _own_conditions(today: dt.date) -> list[Condition]:
    open_d = "d.closed_on IS NULL"
    interim = " UNION ALL ".join(
        f"""SELECT d.id AS dossier_id, '{n}' AS k, {_plus("d.support_started_on", n, "months")} AS due_on
            FROM {DOSSIER} d
            WHERE {open_d} AND d.support_started_on <= %s AND NOT EXISTS (
                SELECT 1 FROM {MEASUREMENT} m WHERE m.dossier_id = d.id AND m.type = '{MeasurementType.INTERIM.value}'
                AND m.measured_on >= {_plus("d.support_started_on", n - 1, "months")})"""
        for n in INTERIM_MONTHS
    )
    return [
        Condition(Signal.BASELINE_MISSING, f"""
            SELECT d.id AS dossier_id, '' AS k, {_plus("d.registered_on", BASELINE_DAYS, "days")} AS due_on
            FROM {DOSSIER} d
            WHERE {open_d} AND d.registered_on <= %s AND NOT EXISTS (
                SELECT 1 FROM {MEASUREMENT} m
                WHERE m.dossier_id = d.id AND m.type = '{MeasurementType.BASELINE.value}'
                  AND m.instrument_id IN (SELECT zi.id FROM zrm_instrument zi WHERE zi.kind = 'zrm'))""",
                  (today - dt.timedelta(days=BASELINE_DAYS),)),
        Condition(Signal.INTERIM_DUE, interim, tuple(today - relativedelta(months=n) for n in INTERIM_MONTHS)),
        Condition(Signal.GOAL_OVERDUE, f"""
            SELECT d.id AS dossier_id, CAST(g.id AS TEXT) AS k, g.target_on AS due_on
            FROM {GOAL} g JOIN {DOSSIER} d ON d.id = g.dossier_id
            WHERE {open_d} AND g.status = '{GoalStatus.ONGOING.value}' AND g.target_on < %s""", (today,)),
        Condition(Signal.REFERRAL_PENDING, f"""
            SELECT d.id AS dossier_id, CAST(r.id AS TEXT) AS k,
                   {_plus("r.requested_on", REFERRAL_PENDING_DAYS, "days")} AS due_on
            FROM {REFERRAL} r JOIN {DOSSIER} d ON d.id = r.dossier_id
            WHERE {open_d} AND r.status = '{Status.REQUESTED.value}' AND r.requested_on < %s""",
                  (today - dt.timedelta(days=REFERRAL_PENDING_DAYS),)),
        Condition(Signal.CARE_ENDING, f"""
            SELECT d.id AS dossier_id, CAST(r.id AS TEXT) AS k, r.ends_on AS due_on
            FROM {REFERRAL} r JOIN {DOSSIER} d ON d.id = r.dossier_id
            WHERE {open_d} AND r.status = '{Status.GRANTED.value}' AND r.ends_on >= %s AND r.ends_on <= %s""",
                  (today, today + dt.timedelta(days=CARE_ENDING_DAYS))),
        Condition(Signal.ONDERZOEK_DUE, f"""
            SELECT d.id AS dossier_id, CAST(m.id AS TEXT) AS k,
                   {_plus("m.melding_on", ONDERZOEK_TERM.days, "days")} AS due_on
            FROM {MELDING} m JOIN {DOSSIER} d ON d.id = m.dossier_id
            WHERE {open_d} AND m.verslag_on IS NULL AND m.melding_on <= %s""",
                  (today - dt.timedelta(days=ONDERZOEK_TERM.days - ONDERZOEK_WARNING_DAYS),)),
        Condition(Signal.WAITING, f"""
            SELECT d.id AS dossier_id, '' AS k, CAST(NULL AS DATE) AS due_on
            FROM {DOSSIER} d
            WHERE {open_d} AND d.support_started_on IS NULL AND d.registered_on < %s""",
                  (working_day_cutoff(today),)),
        Condition(Signal.NO_LEAD_WORKER, f"""
            SELECT d.id AS dossier_id, '' AS k, CAST(NULL AS DATE) AS due_on
            FROM {DOSSIER} d
            WHERE {open_d} AND d.lead_worker_id IS NULL AND EXISTS (
                SELECT 1 FROM {EVENT} e WHERE e.dossier_id = d.id AND e.kind = '{EventKind.TRANSFERRED.value}')""", ()),
    ]


def _scoped(condition: Condition, team_ids: list[int] | None) -> tuple[str, tuple]:
    if team_ids is None:
        return condition.sql, condition.params
    placeholders = ", ".join(["%s"] * len(team_ids))
    sql = f"SELECT c.* FROM ({condition.sql}) c JOIN {DOSSIER} sd ON sd.id = c.dossier_id " \
          f"WHERE sd.team_id IN ({placeholders})"
    return sql, (*condition.params, *team_ids)


@transaction.atomic
def derive(today: dt.date | None = None, *, team_ids: Iterable[int] | None = None) -> dict[str, dict[str, int]]:
    """Raise, reopen and close signals (all teams, or only ``team_ids``). Returns the
    number of rows raised, reopened and resolved per signal."""
    today = today or timezone.localdate()
    team_ids = None if team_ids is None else sorted(set(team_ids))
    if team_ids == []:
        return {}
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    dossier_scope, scope_params = "", ()
    if team_ids is not None:
        dossier_scope = f"AND dossier_id IN (SELECT id FROM {DOSSIER} WHERE team_id IN " \
                        f"({', '.join(['%s'] * len(team_ids))}))"
        scope_params = tuple(team_ids)
    result = {}
    with connection.cursor() as cursor:
        # Each condition is evaluated once, into a temporary table the three statements join.
        cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {CURRENT} "
                       "(dossier_id bigint NOT NULL, k varchar(40) NOT NULL, due_on date)")
        for condition in conditions(today):
            current, params = _scoped(condition, team_ids)
            cursor.execute(f"DELETE FROM {CURRENT}")
            cursor.execute(f"INSERT INTO {CURRENT} (dossier_id, k, due_on) SELECT dossier_id, k, due_on "
                           f"FROM ({current}) c", params)
            if connection.vendor == "postgresql":
                cursor.execute(f"ANALYZE {CURRENT}")
            title = gettext(Signal(condition.signal).label)
            cursor.execute(
                f"""INSERT INTO {TASK} (dossier_id, title, signal, signal_key, due_on, created_at)
                    SELECT c.dossier_id, %s, %s, c.k, c.due_on, %s FROM {CURRENT} c
                    WHERE NOT EXISTS (SELECT 1 FROM {TASK} t WHERE t.dossier_id = c.dossier_id
                                      AND t.signal = %s AND t.signal_key = c.k)
                    ON CONFLICT DO NOTHING""",
                (title[:200], condition.signal, now, condition.signal),
            )
            raised = cursor.rowcount
            cursor.execute(
                f"""UPDATE {TASK} SET resolved_at = NULL
                    WHERE signal = %s AND resolved_at IS NOT NULL AND done_at IS NULL {dossier_scope}
                    AND EXISTS (SELECT 1 FROM {CURRENT} c WHERE c.dossier_id = {TASK}.dossier_id
                                AND c.k = {TASK}.signal_key)""",
                (condition.signal, *scope_params),
            )
            reopened = cursor.rowcount
            cursor.execute(
                f"""UPDATE {TASK} SET resolved_at = %s
                    WHERE signal = %s AND resolved_at IS NULL AND done_at IS NULL {dossier_scope}
                    AND NOT EXISTS (SELECT 1 FROM {CURRENT} c WHERE c.dossier_id = {TASK}.dossier_id
                                    AND c.k = {TASK}.signal_key)""",
                (now, condition.signal, *scope_params),
            )
            result[condition.signal] = {"raised": raised, "reopened": reopened, "resolved": cursor.rowcount}
        cursor.execute(f"DROP TABLE {CURRENT}")
    return result
