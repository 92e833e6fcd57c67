"""The dossiers active in each period, and their distinct clients, built once per computation.

Five families count over the dossiers active in P (volume, clients, closure, ZRM, plan).
Each of them joined the dossier table to the periods on the active condition itself; on
PostgreSQL that became an index scan of most of the table once per period, or a scan of
the whole table, five times over (measured at 100,000 dossiers: about 0.8 s of a 1.9 s
computation). ``tables`` writes the (period, dossier) pairs once into a temporary table,
``reporting_active``, with the dossier columns the families need under their own names, so a
family reads ``reporting_active d JOIN reporting_periods p ON p.n = d.n`` where it read
``cases_dossier d JOIN periods p ON <active>``. ``reporting_active_clients`` counts the
distinct clients who are members of those dossiers by gender and age band on the period's
last day, per team and over all teams: volume sums them, clients reads them.

Temporary tables belong to the database connection: concurrent computations each have their
own, and the tables are gone when ``tables`` ends, whatever happened."""

from contextlib import contextmanager

from django.db import connection

from reporting.indicators import clients
from reporting.indicators.sql import ACTIVE_CLIENTS as CLIENTS
from reporting.indicators.sql import ACTIVE_DOSSIERS as DOSSIERS
from reporting.indicators.sql import ACTIVE_PERIODS as PERIODS
from reporting.indicators.sql import active, execute, periods_cte

COLUMNS = "id, team_id, registered_on, closed_on, support_started_on, referrer_id"


@contextmanager
def tables(periods, *, with_clients: bool = True):
    """Build the tables for ``periods`` (numbered as ``periods_cte`` numbers them), drop them
    afterwards; the clients table only ``with_clients``.

    ``reporting_periods`` holds the periods (``periods_cte``'s columns and the clients
    family's age band limits) as a table with statistics: joined to a VALUES list, the
    planner guessed 2 % of the active rows (it assumes 200 distinct periods) and chose index
    lookups per row where hashing the tables is cheaper."""
    drop()
    try:
        _build_periods(periods)
        execute(
            f"""
            CREATE TEMP TABLE {DOSSIERS} AS
            SELECT p.n AS n, {", ".join(f"d.{c} AS {c}" for c in COLUMNS.split(", "))}
            FROM cases_dossier d JOIN {PERIODS} p ON {active(periods)}
            """
        )
        if connection.vendor == "postgresql":
            # Temporary tables have no statistics until analysed; the joins need those of n
            # and id, and a small sample gives them (the full sample cost 45 ms at 100,000 dossiers).
            execute("SET default_statistics_target = 10")
            execute(f"ANALYZE {PERIODS}")
            execute(f"ANALYZE {DOSSIERS} (n, id)")
            execute("RESET default_statistics_target")
        if with_clients:
            _build_clients()
        yield
    finally:
        drop()


def _build_periods(periods) -> None:
    cte, params = periods_cte(periods)
    limits_cte, limits_params = clients.limits_cte(periods)
    limits = ", ".join(f"l.l{lowest} AS l{lowest}" for lowest, _band in clients.AGE_BANDS)
    execute(
        f"""
        CREATE TEMP TABLE {PERIODS} AS
        WITH {cte}, {limits_cte}
        SELECT p.n AS n, p.code AS code, p.start_on AS start_on, p.end_on AS end_on, {limits}
        FROM periods p JOIN limits l ON l.n = p.n
        """,
        params + limits_params,
    )


def _build_clients() -> None:
    """The distinct active clients counted per (period, team, gender, age band), and per
    (period, gender, age band) over all teams (``team_id`` NULL: a client in dossiers of two
    teams counts once). A client has one gender and one band per period, so the counts per
    (period, team) are these counts summed. The members are looked up once per dossier
    (``members``) and only then spread over the periods the dossier is active in: joined
    to every (period, dossier) pair, the member and client tables were hashed for 44,000
    rows where 13,000 dossiers have members (measured at 100,000 dossiers: 395 -> 250 ms,
    with the two queries that read it)."""
    execute(
        f"""
        CREATE TEMP TABLE {CLIENTS} AS
        WITH members AS (
            SELECT m.dossier_id AS dossier_id, m.client_id AS client_id, c.gender AS gender, c.birth_date AS birth_date
            FROM (SELECT DISTINCT id FROM {DOSSIERS}) a
            JOIN cases_dossiermember m ON m.dossier_id = a.id JOIN cases_client c ON c.id = m.client_id
        ),
        active_clients AS (
            SELECT DISTINCT d.n AS n, d.team_id AS team_id, c.client_id AS client_id,
                   {clients.gender("c.gender")} AS gender, {clients.age_band("c.birth_date", "l")} AS band
            FROM {DOSSIERS} d JOIN {PERIODS} l ON l.n = d.n JOIN members c ON c.dossier_id = d.id
        )
        SELECT n, team_id, gender, band, COUNT(*) AS clients FROM active_clients GROUP BY n, team_id, gender, band
        UNION ALL
        SELECT n, NULL, gender, band, COUNT(*)
        FROM (SELECT DISTINCT n, client_id, gender, band FROM active_clients) everyone GROUP BY n, gender, band
        """
    )


def drop() -> None:
    for table in (CLIENTS, DOSSIERS, PERIODS):
        execute(f"DROP TABLE IF EXISTS {table}")
