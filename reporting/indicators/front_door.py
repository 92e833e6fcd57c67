"""The front door (front-door.md, families "Short contacts" and "Early signals"): short contacts
by channel, topic and outcome; early signals received, reached and closed.

A short contact counts for its own team. A signal counts for the team it is routed to; an
unrouted signal (no team) counts only in the all-teams rows: its rows carry team ``None``,
which the collector pools into the all-teams row and never shows as a team of its own.
Working days go through the calendar table (``reporting_workingday``) as in lag.py. The
first attempt's term is fixed at 10 working days here, whatever the setting."""

from collections import Counter, defaultdict

from reporting.indicators.collector import ALL, Collector
from reporting.indicators.sql import fetch, in_period, periods_cte

FIRST_ATTEMPT_TERM = 10
CONTACTS = "frontdoor_shortcontact"
SIGNALS = "frontdoor_earlysignal"
ATTEMPTS = "frontdoor_attempt"


def _dimensions(collector: Collector, indicator: str, rows, prefix: str) -> None:
    """(period, team, code, n) -> rows ``prefix:code`` per team and for all teams (unrouted included)."""
    counts: Counter = Counter()
    for period, team, code, n in rows:
        dimension = f"{prefix}{code}"
        if team is not None:
            counts[(period, team, dimension)] += n
        counts[(period, ALL, dimension)] += n
    collector.team_dimension_counts(indicator, dict(counts))


def compute(periods, collector: Collector) -> None:
    _short_contacts(periods, collector)
    _signals(periods, collector)


def _short_contacts(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    rows = fetch(
        f"""
        WITH {cte}
        SELECT p.code, c.team_id, c.channel, c.topic, c.outcome, COUNT(*),
               SUM(CASE WHEN c.anonymous THEN 1 ELSE 0 END), SUM(c.minutes), COUNT(c.minutes)
        FROM {CONTACTS} c
        JOIN periods p ON {in_period("c.contacted_on", periods)}
        GROUP BY p.code, c.team_id, c.channel, c.topic, c.outcome
        """,
        params,
    )
    total: Counter = Counter()
    anonymous: dict = defaultdict(lambda: (0, 0))
    minutes: Counter = Counter()
    with_minutes: Counter = Counter()
    rows = [(*r[:6], int(r[6]), int(r[7] or 0), r[8]) for r in rows]  # PostgreSQL: numeric sums
    for period, team, _channel, _topic, _outcome, n, anon, summed, timed in rows:
        total[(period, team)] += n
        anonymous[(period, team)] = (anonymous[(period, team)][0] + anon, anonymous[(period, team)][1] + n)
        for key in ((period, team), (period, ALL)):
            minutes[key] += summed
            with_minutes[key] += timed
    collector.counts("short_contacts", dict(total))
    for position, prefix in ((2, "channel:"), (3, "topic:"), (4, "outcome:")):
        _dimensions(collector, "short_contacts", [(r[0], r[1], r[position], r[5]) for r in rows], prefix)
    collector.ratios("short_contacts_anonymous_pct", dict(anonymous), scale=100)
    for period in collector.periods:
        for team in [*collector.team_ids, ALL]:
            collector.value(period, team, "short_contact_minutes", float(minutes[(period, team)]),
                            with_minutes[(period, team)])


def _signals(periods, collector: Collector) -> None:
    cte, params = periods_cte(periods)
    received = fetch(
        f"""
        WITH {cte}
        SELECT p.code, s.team_id, s.creditor_kind, COUNT(*)
        FROM {SIGNALS} s
        JOIN periods p ON {in_period("s.received_on", periods)}
        GROUP BY p.code, s.team_id, s.creditor_kind
        """,
        params,
    )
    total: Counter = Counter()
    for period, team, _kind, n in received:
        total[(period, team)] += n
    collector.counts("signals_received", dict(total))
    _dimensions(collector, "signals_received", received, "creditor:")

    # distinct addresses: per team, and over all signals (not the sum of the teams')
    households = {}
    for grouping, team_column in (("p.code, s.team_id", "s.team_id"), ("p.code", "NULL")):
        for period, team, n in fetch(
            f"""
            WITH {cte}
            SELECT code, team_id, COUNT(*) FROM (
                SELECT DISTINCT p.code AS code, {team_column} AS team_id, s.postcode, s.house_number,
                       s.house_number_addition
                FROM {SIGNALS} s
                JOIN periods p ON {in_period("s.received_on", periods)}
            ) a GROUP BY code, team_id
            """,
            params,
        ):
            if team is not None or grouping == "p.code":
                households[(period, team)] = n
    for period in collector.periods:
        for team in [*collector.team_ids, ALL]:
            n = households.get((period, team), 0)
            collector.value(period, team, "signal_households", float(n), n)

    first = fetch(
        f"""
        WITH {cte}, firsts AS (
            SELECT a.signal_id, MIN(a.attempted_on) AS first_on FROM {ATTEMPTS} a GROUP BY a.signal_id
        )
        SELECT p.code, s.team_id, COUNT(*), SUM(cf.number - cr.number),
               SUM(CASE WHEN cf.number - cr.number <= {FIRST_ATTEMPT_TERM} THEN 1 ELSE 0 END)
        FROM firsts f
        JOIN {SIGNALS} s ON s.id = f.signal_id
        JOIN periods p ON {in_period("f.first_on", periods)}
        JOIN reporting_workingday cr ON cr.day = s.received_on
        JOIN reporting_workingday cf ON cf.day = f.first_on
        GROUP BY p.code, s.team_id
        """,
        params,
    )
    first = [(p, t, n, int(days), int(in_term)) for p, t, n, days, in_term in first]  # PostgreSQL: numeric sums
    collector.ratios("signal_first_attempt_days_mean", {(p, t): (days, n) for p, t, n, days, _in in first})
    collector.ratios("signal_first_attempt_in_term_pct", {(p, t): (in_term, n) for p, t, n, _d, in_term in first},
                     scale=100)

    closed = fetch(
        f"""
        WITH {cte}, tried AS (
            SELECT a.signal_id, COUNT(*) AS attempts,
                   MAX(CASE WHEN a.result = 'contact' THEN 1 ELSE 0 END) AS contact
            FROM {ATTEMPTS} a GROUP BY a.signal_id
        )
        SELECT p.code, s.team_id, s.outcome, COUNT(*), SUM(COALESCE(t.contact, 0)), SUM(COALESCE(t.attempts, 0))
        FROM {SIGNALS} s
        JOIN periods p ON {in_period("s.outcome_on", periods)}
        LEFT JOIN tried t ON t.signal_id = s.id
        WHERE s.outcome <> ''
        GROUP BY p.code, s.team_id, s.outcome
        """,
        params,
    )
    closed = [(p, t, o, n, int(reached), int(tries)) for p, t, o, n, reached, tries in closed]
    _dimensions(collector, "signal_outcome", [(p, t, o, n) for p, t, o, n, _c, _a in closed], "")
    contact: dict = defaultdict(lambda: (0, 0))
    accepted: dict = defaultdict(lambda: (0, 0))
    attempts: dict = defaultdict(lambda: (0, 0))
    for period, team, outcome, n, reached, tries in closed:
        key = (period, team)
        contact[key] = (contact[key][0] + reached, contact[key][1] + n)
        attempts[key] = (attempts[key][0] + tries, attempts[key][1] + n)
        if outcome in ("hulp_aanvaard", "hulp_geweigerd"):
            accepted[key] = (accepted[key][0] + (n if outcome == "hulp_aanvaard" else 0), accepted[key][1] + n)
    collector.ratios("signal_contact_pct", dict(contact), scale=100)
    collector.ratios("signal_help_accepted_pct", dict(accepted), scale=100)
    collector.ratios("signal_attempts_mean", dict(attempts))
