"""Volume (aantallen, bereik): registered, active, closed, clients, waiting list,
referrers, self-referrals, reach per 1000 and caseload per FTE — per team and pooled."""

import datetime as dt

import pytest

from cases.factories import ClientFactory, TeamFactory
from reporting.factories import dossier, referrer
from reporting.tests.helpers import ALL, check, compute, dimensions, find

D = dt.date
Q1 = "2019-Q1"  # 2019-01-01 .. 2019-03-31


@pytest.fixture
def data(db):
    """Team A (population 10,000, 2.5 FTE) and team B (population 5,000, 1.5 FTE) in 2019-Q1."""
    a = TeamFactory(code="team-a", population=10_000, fte=2.5)
    b = TeamFactory(code="team-b", population=5_000, fte=1.5)
    zelf = referrer("zelfmelder", self_referral=True)
    huisarts = referrer("huisarts")
    c = [ClientFactory() for _ in range(12)]
    # Team A
    dossier(a, D(2018, 10, 1), members=[c[1]], support_started_on=D(2018, 10, 10))  # a1 open
    dossier(a, D(2018, 11, 1), members=[c[2], c[3]], support_started_on=D(2018, 11, 5),
            closed_on=D(2019, 1, 1))  # a2 closed on the first day: active and closed
    dossier(a, D(2018, 12, 1), members=[c[7]], closed_on=D(2018, 12, 31))  # a3 closed before: not active
    dossier(a, D(2019, 3, 31), members=[c[4]], referrer=zelf)  # a4 registered on the last day, waiting
    dossier(a, D(2019, 2, 1), members=[c[5]], referrer=huisarts,
            closed_on=D(2019, 4, 15))  # a5 closed after the end, never started: on the waiting list
    dossier(a, D(2019, 1, 15), members=[c[6]], support_started_on=D(2019, 4, 2))  # a6 no referrer; starts later
    dossier(a, D(2019, 4, 1), members=[c[8]])  # a7 registered after the end: not active
    dossier(a, D(2019, 2, 10), members=[c[1]], referrer=zelf, support_started_on=D(2019, 2, 20),
            closed_on=D(2019, 3, 31))  # a8 closed on the last day; client c1 again
    # Team B
    dossier(b, D(2019, 1, 10), members=[c[2], c[9]], referrer=zelf,
            support_started_on=D(2019, 1, 20))  # b1: c2 is also in team A's a2
    dossier(b, D(2019, 3, 1), members=[c[10]], referrer=zelf)  # b2 waiting
    dossier(b, D(2017, 5, 1), members=[c[11]], support_started_on=D(2017, 6, 1))  # b3 long-running
    return a, b


def test_dossier_counts(data):
    a, b = data
    rows = compute(Q1)
    # A: registered a4 a5 a6 a8; active a1 a2 a4 a5 a6 a8; closed a2 a8
    check(rows, "dossiers_registered", a, value=4, count=4)
    check(rows, "dossiers_active", a, value=6, count=6)
    check(rows, "dossiers_closed", a, value=2, count=2)
    # B: registered b1 b2; active b1 b2 b3
    check(rows, "dossiers_registered", b, value=2, count=2)
    check(rows, "dossiers_active", b, value=3, count=3)
    check(rows, "dossiers_closed", b, value=0, count=0)
    check(rows, "dossiers_registered", ALL, value=4 + 2, count=6)
    check(rows, "dossiers_active", ALL, value=6 + 3, count=9)
    check(rows, "dossiers_closed", ALL, value=2, count=2)


def test_active_equals_open_at_start_plus_registered(data):
    a, b = data
    rows = compute(Q1)
    for team in (a, b, ALL):
        open_at_start = 2 if team == a else 1 if team == b else 3  # a1 a2 | b3
        assert (row_value(rows, "dossiers_active", team)
                == open_at_start + row_value(rows, "dossiers_registered", team))


def row_value(rows, indicator, team):
    found = find(rows, indicator, team)
    assert found is not None
    return found.value


def test_waiting_list_at_period_end(data):
    a, b = data
    rows = compute(Q1)
    # A: a4 (never started), a5 (closed only after the end), a6 (support starts after the end)
    check(rows, "waiting_list", a, value=3, count=3)
    check(rows, "waiting_list", b, value=1, count=1)  # b2
    check(rows, "waiting_list", ALL, value=3 + 1, count=4)


def test_referrers_and_self_referrals(data):
    a, b = data
    rows = compute(Q1)
    assert dimensions(rows, "referrer", a) == {"zelfmelder": (2.0, 2), "huisarts": (1.0, 1)}
    assert dimensions(rows, "referrer", b) == {"zelfmelder": (2.0, 2)}, "no row for a referrer that does not occur"
    assert dimensions(rows, "referrer", ALL) == {"zelfmelder": (4.0, 4), "huisarts": (1.0, 1)}
    # a6 has no referrer but is in the denominator.
    check(rows, "self_referral_pct", a, value=100 * 2 / 4, count=4)
    check(rows, "self_referral_pct", b, value=100 * 2 / 2, count=2)
    # pooled: 100 * 4 / 6, not the mean of 50 and 100
    check(rows, "self_referral_pct", ALL, value=100 * 4 / 6, count=6)


def test_clients_active_are_distinct(data):
    a, b = data
    rows = compute(Q1)
    # A: c1 (a1 and a8, once), c2 c3 (a2), c4, c5, c6 -> 6; B: c2 c9 c10 c11 -> 4
    check(rows, "clients_active", a, value=6, count=6)
    check(rows, "clients_active", b, value=4, count=4)
    # all teams: c2 is in a dossier of each team and counts once: 6 + 4 - 1
    check(rows, "clients_active", ALL, value=9, count=9)


def test_reach_and_caseload(data):
    a, b = data
    rows = compute(Q1)
    check(rows, "reach_per_1000", a, value=1000 * 6 / 10_000, count=6)
    check(rows, "reach_per_1000", b, value=1000 * 4 / 5_000, count=4)
    check(rows, "reach_per_1000", ALL, value=1000 * 9 / 15_000, count=9)
    # open at the end: A a1 a4 a5 a6 (a8 closed on the last day); B b1 b2 b3
    check(rows, "caseload_per_fte", a, value=4 / 2.5, count=4)
    check(rows, "caseload_per_fte", b, value=3 / 1.5, count=3)
    check(rows, "caseload_per_fte", ALL, value=(4 + 3) / (2.5 + 1.5), count=7)


def test_reach_and_caseload_null_when_population_or_fte_unknown(data):
    a, b = data
    c = TeamFactory(code="team-c", population=None, fte=None)
    dossier(c, D(2019, 2, 1), members=2)
    rows = compute(Q1)
    check(rows, "reach_per_1000", c, value=None, count=2)
    check(rows, "caseload_per_fte", c, value=None, count=1)
    # The implementation's choice (volume.py): the all-teams figure needs every team's
    # population / FTE; with one unknown it is null (the count still pools all teams).
    check(rows, "reach_per_1000", ALL, value=None, count=9 + 2)
    check(rows, "caseload_per_fte", ALL, value=None, count=7 + 1)
    # The known teams keep their figures.
    check(rows, "reach_per_1000", a, value=0.6, count=6)
    check(rows, "caseload_per_fte", b, value=2.0, count=3)


def test_all_teams_reach_uses_the_known_total_when_only_fte_unknown(db):
    a = TeamFactory(code="team-a", population=2_000, fte=None)
    b = TeamFactory(code="team-b", population=3_000, fte=2)
    dossier(a, D(2019, 1, 7), members=3)
    dossier(b, D(2019, 1, 8), members=2)
    rows = compute("2019-01")
    check(rows, "reach_per_1000", ALL, value=1000 * 5 / 5_000, count=5)
    check(rows, "caseload_per_fte", ALL, value=None, count=2)
    check(rows, "caseload_per_fte", a, value=None, count=1)
    check(rows, "caseload_per_fte", b, value=1 / 2, count=1)


def test_empty_cohorts(team_a, team_b):
    # Team B has nothing in 2019-Q1; team A only a dossier long closed.
    dossier(team_a, D(2017, 1, 1), closed_on=D(2017, 6, 1))
    rows = compute(Q1)
    for team in (team_a, team_b, ALL):
        for indicator in ("dossiers_registered", "dossiers_active", "dossiers_closed", "waiting_list",
                          "clients_active"):
            check(rows, indicator, team, value=0, count=0)
        check(rows, "self_referral_pct", team, value=None, count=0)
        check(rows, "caseload_per_fte", team, value=0, count=0)  # 0 open dossiers / known FTE
        check(rows, "reach_per_1000", team, value=0, count=0)
        assert dimensions(rows, "referrer", team) == {}


def test_dossier_counts_for_the_team_it_belongs_to_now(team_a, team_b):
    moved = dossier(team_a, D(2019, 2, 1))
    moved.team = team_b
    moved.save()
    rows = compute(Q1)
    check(rows, "dossiers_registered", team_a, value=0, count=0)
    check(rows, "dossiers_registered", team_b, value=1, count=1)
    check(rows, "dossiers_registered", ALL, value=1, count=1)


def test_month_rows_of_a_quarter(data):
    a, _b = data
    rows = compute(Q1, "2019-01", "2019-02", "2019-03")
    # January: registered a6 (01-15); active a1 a2 a6 (a2 closed on 01-01)
    check(rows, "dossiers_registered", a, value=1, count=1, period="2019-01")
    check(rows, "dossiers_active", a, value=3, count=3, period="2019-01")
    check(rows, "dossiers_closed", a, value=1, count=1, period="2019-01")
    # March: registered a4 (03-31); active a1 a4 a5 a6 a8; closed a8 (03-31)
    check(rows, "dossiers_registered", a, value=1, count=1, period="2019-03")
    check(rows, "dossiers_active", a, value=5, count=5, period="2019-03")
    check(rows, "dossiers_closed", a, value=1, count=1, period="2019-03")
    check(rows, "dossiers_active", a, value=6, count=6, period=Q1)
