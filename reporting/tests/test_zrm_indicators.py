"""ZRM (zelfredzaamheid): units (dossier, client) and (dossier, household) of the
dossiers active in P; per unit and type the most recent measurement up to the end of P;
"last" = eindmeting, else the most recent tussenmeting; missing scores (n.v.t.) are left
out; domain codes are shared between zrm-2013 and zrm-2017."""

import datetime as dt

import pytest

from cases.factories import ClientFactory, TeamFactory
from reporting.factories import dossier, measurement
from reporting.tests.helpers import ALL, check, compute, dimensions

D = dt.date
Q1 = "2019-Q1"  # ends 2019-03-31


@pytest.fixture
def data(db):
    a = TeamFactory(code="team-a")
    b = TeamFactory(code="team-b")
    empty = TeamFactory(code="team-c")
    x, y, w = ClientFactory(), ClientFactory(), ClientFactory()
    d1 = dossier(a, D(2018, 10, 1), members=[x, y])
    # unit (d1, x)
    measurement(d1, "nulmeting", D(2018, 10, 5), {"financien": 2, "huisvesting": 3, "verslaving": 1},
                client=x)  # superseded by the later nulmeting
    measurement(d1, "nulmeting", D(2019, 1, 10), {"financien": 3, "huisvesting": 2, "werk_opleiding": 4},
                client=x, instrument="zrm-2017")  # the most recent before the end: this one
    measurement(d1, "nulmeting", D(2019, 4, 5), {"financien": 5}, client=x,
                instrument="zrm-2017")  # after the end: ignored
    measurement(d1, "doelmeting", D(2019, 1, 12), {"financien": 4, "huisvesting": 4, "werk_opleiding": 4},
                client=x, instrument="zrm-2017")
    measurement(d1, "eindmeting", D(2019, 1, 20), {"financien": 4, "huisvesting": 3},
                client=x)  # zrm-2013; preferred over the later tussenmeting
    measurement(d1, "tussenmeting", D(2019, 2, 1), {"financien": 3, "huisvesting": 3}, client=x,
                instrument="zrm-2017")
    # unit (d1, y): huisvesting n.v.t. in the nulmeting
    measurement(d1, "nulmeting", D(2019, 1, 10), {"financien": 4, "dagbesteding": 2}, client=y)
    measurement(d1, "tussenmeting", D(2019, 2, 1), {"financien": 4, "dagbesteding": 4}, client=y)
    measurement(d1, "tussenmeting", D(2019, 3, 1), {"financien": 4, "dagbesteding": 3, "huisvesting": 5},
                client=y)  # the most recent tussenmeting: "last"
    measurement(d1, "eindmeting", D(2019, 4, 10), {"financien": 1}, client=y)  # after the end: ignored
    # unit (d1, household)
    measurement(d1, "nulmeting", D(2019, 1, 15), {"sociaal_netwerk": 2}, client=None)
    measurement(d1, "eindmeting", D(2019, 3, 15), {"sociaal_netwerk": 2}, client=None)
    # a dossier closed before Q1: its units are not in Q1
    d2 = dossier(a, D(2018, 6, 1), closed_on=D(2018, 12, 31))
    measurement(d2, "nulmeting", D(2018, 6, 5), {"financien": 1})
    measurement(d2, "eindmeting", D(2018, 12, 20), {"financien": 5})
    # team B: unit (e1, w)
    e1 = dossier(b, D(2019, 2, 1), members=[w])
    measurement(e1, "nulmeting", D(2019, 2, 5), {"financien": 5, "huisvesting": 1}, client=w)
    measurement(e1, "doelmeting", D(2019, 2, 5), {"financien": 5, "huisvesting": 3}, client=w)
    measurement(e1, "tussenmeting", D(2019, 3, 20), {"financien": 4, "huisvesting": 1}, client=w)
    return a, b, empty


def test_baseline_scores(data):
    a, b, empty = data
    rows = compute(Q1)
    # nulmetingen used: (d1,x) 01-10 {fin 3, huis 2, werk 4}; (d1,y) {fin 4, dag 2}; household {soc 2}
    assert dimensions(rows, "zrm_baseline_score", a) == {
        "financien:3": (1.0, 1), "financien:4": (1.0, 1), "huisvesting:2": (1.0, 1),
        "werk_opleiding:4": (1.0, 1), "dagbesteding:2": (1.0, 1), "sociaal_netwerk:2": (1.0, 1)}
    assert dimensions(rows, "zrm_baseline_score", b) == {"financien:5": (1.0, 1), "huisvesting:1": (1.0, 1)}
    assert dimensions(rows, "zrm_baseline_score", ALL) == {
        "financien:3": (1.0, 1), "financien:4": (1.0, 1), "financien:5": (1.0, 1), "huisvesting:1": (1.0, 1),
        "huisvesting:2": (1.0, 1), "werk_opleiding:4": (1.0, 1), "dagbesteding:2": (1.0, 1),
        "sociaal_netwerk:2": (1.0, 1)}
    assert dimensions(rows, "zrm_baseline_score", empty) == {}


def test_baseline_insufficient_pct_and_mean(data):
    a, b, empty = data
    rows = compute(Q1)
    assert dimensions(rows, "zrm_baseline_insufficient_pct", a) == {
        "financien": (100 * 1 / 2, 2), "huisvesting": (100.0, 1), "werk_opleiding": (0.0, 1),
        "dagbesteding": (100.0, 1), "sociaal_netwerk": (100.0, 1)}
    check(rows, "zrm_baseline_insufficient_pct", b, "financien", value=0.0, count=1)
    check(rows, "zrm_baseline_insufficient_pct", ALL, "financien", value=100 * 1 / 3, count=3)  # 3 | 4, 5
    check(rows, "zrm_baseline_insufficient_pct", ALL, "huisvesting", value=100.0, count=2)
    assert dimensions(rows, "zrm_baseline_mean", a) == {
        "financien": ((3 + 4) / 2, 2), "huisvesting": (2.0, 1), "werk_opleiding": (4.0, 1),
        "dagbesteding": (2.0, 1), "sociaal_netwerk": (2.0, 1)}
    check(rows, "zrm_baseline_mean", b, "financien", value=5, count=1)
    check(rows, "zrm_baseline_mean", ALL, "financien", value=(3 + 4 + 5) / 3, count=3)  # pooled, not (3.5 + 5) / 2
    check(rows, "zrm_baseline_mean", ALL, "huisvesting", value=(2 + 1) / 2, count=2)
    # the superseded nulmeting's verslaving and the later nulmeting are not used
    assert "verslaving" not in dimensions(rows, "zrm_baseline_mean", ALL)
    assert dimensions(rows, "zrm_baseline_mean", empty) == {}
    assert dimensions(rows, "zrm_baseline_insufficient_pct", empty) == {}


def test_goal_gap_mean(data):
    a, b, _empty = data
    rows = compute(Q1)
    # (d1,x): doel {4, 4, 4} - nul {fin 3, huis 2, werk 4}; zero included
    assert dimensions(rows, "zrm_goal_gap_mean", a) == {
        "financien": (1.0, 1), "huisvesting": (2.0, 1), "werk_opleiding": (0.0, 1)}
    assert dimensions(rows, "zrm_goal_gap_mean", b) == {"financien": (0.0, 1), "huisvesting": (2.0, 1)}
    check(rows, "zrm_goal_gap_mean", ALL, "financien", value=(1 + 0) / 2, count=2)
    check(rows, "zrm_goal_gap_mean", ALL, "huisvesting", value=(2 + 2) / 2, count=2)
    check(rows, "zrm_goal_gap_mean", ALL, "werk_opleiding", value=0, count=1)


def test_change_mean_uses_eindmeting_else_latest_tussenmeting(data):
    a, b, _empty = data
    rows = compute(Q1)
    # (d1,x) last = eindmeting 01-20 (zrm-2013) {fin 4, huis 3} vs nul (zrm-2017) {fin 3, huis 2}: +1, +1
    # (d1,y) last = tussenmeting 03-01 {fin 4, dag 3, huis 5} vs nul {fin 4, dag 2}: 0, +1 (huis n.v.t. in nul)
    # household: 2 -> 2
    assert dimensions(rows, "zrm_change_mean", a) == {
        "financien": ((1 + 0) / 2, 2), "huisvesting": (1.0, 1), "dagbesteding": (1.0, 1),
        "sociaal_netwerk": (0.0, 1)}
    # e1: tussenmeting {fin 4, huis 1} - nul {fin 5, huis 1}
    assert dimensions(rows, "zrm_change_mean", b) == {"financien": (-1.0, 1), "huisvesting": (0.0, 1)}
    check(rows, "zrm_change_mean", ALL, "financien", value=(1 + 0 - 1) / 3, count=3)
    check(rows, "zrm_change_mean", ALL, "huisvesting", value=(1 + 0) / 2, count=2)
    check(rows, "zrm_change_mean", ALL, "dagbesteding", value=1, count=1)


def test_development(data):
    a, b, empty = data
    rows = compute(Q1)
    # (d1,x) delta (1 + 1) / 2 = 1; (d1,y) (0 + 1) / 2 = 0.5 exactly; household 0; e1 (-1 + 0) / 2
    assert dimensions(rows, "zrm_development", a) == {"vooruitgang_groot": (2.0, 2), "stabiel": (1.0, 1)}
    assert dimensions(rows, "zrm_development", b) == {"achteruitgang": (1.0, 1)}
    assert dimensions(rows, "zrm_development", ALL) == {
        "vooruitgang_groot": (2.0, 2), "stabiel": (1.0, 1), "achteruitgang": (1.0, 1)}
    assert dimensions(rows, "zrm_development", empty) == {}


def test_measurements_per_type(data):
    a, b, empty = data
    rows = compute(Q1)
    # A in Q1: x: nul 01-10, doel, eind 01-20, tussen 02-01; y: nul, tussen x2; household: nul, eind
    assert dimensions(rows, "zrm_measurements", a) == {
        "nulmeting": (3.0, 3), "doelmeting": (1.0, 1), "tussenmeting": (3.0, 3), "eindmeting": (2.0, 2)}
    assert dimensions(rows, "zrm_measurements", b) == {
        "nulmeting": (1.0, 1), "doelmeting": (1.0, 1), "tussenmeting": (1.0, 1)}
    assert dimensions(rows, "zrm_measurements", ALL) == {
        "nulmeting": (4.0, 4), "doelmeting": (2.0, 2), "tussenmeting": (4.0, 4), "eindmeting": (2.0, 2)}
    assert dimensions(rows, "zrm_measurements", empty) == {}


def test_later_measurements_count_in_a_later_period(data):
    a, _b, _empty = data
    rows = compute("2019-04")
    # April: (d1,x) nulmeting 04-05 {fin 5} replaces the January one; (d1,y) eindmeting 04-10 {fin 1} is last
    check(rows, "zrm_baseline_mean", a, "financien", value=(5 + 4) / 2, count=2)
    # x: eind fin 4 - nul fin 5 = -1; y: eind fin 1 - nul fin 4 = -3
    check(rows, "zrm_change_mean", a, "financien", value=(-1 - 3) / 2, count=2)
    assert dimensions(rows, "zrm_measurements", a) == {"nulmeting": (1.0, 1), "eindmeting": (1.0, 1)}


def test_development_category_boundaries(team_a):
    def unit(nul: dict, last: dict, kind: str = "eindmeting"):
        target = dossier(team_a, D(2019, 1, 2))
        measurement(target, "nulmeting", D(2019, 1, 5), nul)
        if last is not None:
            measurement(target, kind, D(2019, 3, 5), last)

    unit({"financien": 2, "huisvesting": 2}, {"financien": 3, "huisvesting": 2})  # 0.5 exactly: groot
    unit({"financien": 2, "huisvesting": 2, "dagbesteding": 2},
         {"financien": 3, "huisvesting": 2, "dagbesteding": 2})  # 1/3: klein
    unit({"financien": 2, "huisvesting": 2, "dagbesteding": 2, "adl": 2, "justitie": 2},
         {"financien": 4, "huisvesting": 2, "dagbesteding": 2, "adl": 2, "justitie": 2},
         kind="tussenmeting")  # 2/5 = 0.4: klein
    unit({"financien": 3}, {"financien": 3})  # 0: stabiel
    unit({"financien": 3, "huisvesting": 3}, {"financien": 4, "huisvesting": 2})  # +1 -1 = 0: stabiel
    unit({"financien": 3, "huisvesting": 3, "dagbesteding": 3},
         {"financien": 2, "huisvesting": 3, "dagbesteding": 3})  # -1/3: achteruitgang
    unit({"financien": 2, "huisvesting": 4}, {"financien": 3})  # huisvesting n.v.t. in last: delta 1, groot
    unit({"financien": 3}, {"huisvesting": 4})  # no domain in both: not counted
    unit({"financien": 3}, None)  # no last measurement: not counted
    rows = compute(Q1)
    assert dimensions(rows, "zrm_development", team_a) == {
        "vooruitgang_groot": (2.0, 2), "vooruitgang_klein": (2.0, 2), "stabiel": (2.0, 2),
        "achteruitgang": (1.0, 1)}
    assert dimensions(rows, "zrm_development", ALL) == dimensions(rows, "zrm_development", team_a)


def test_household_measurements_are_their_own_unit(team_a):
    x = ClientFactory()
    target = dossier(team_a, D(2019, 1, 2), members=[x])
    measurement(target, "nulmeting", D(2019, 1, 5), {"financien": 2}, client=x)
    measurement(target, "eindmeting", D(2019, 3, 5), {"financien": 4}, client=x)
    measurement(target, "nulmeting", D(2019, 1, 6), {"financien": 4}, client=None)
    measurement(target, "eindmeting", D(2019, 3, 6), {"financien": 3}, client=None)
    rows = compute(Q1)
    check(rows, "zrm_baseline_mean", team_a, "financien", value=(2 + 4) / 2, count=2)
    check(rows, "zrm_change_mean", team_a, "financien", value=(2 - 1) / 2, count=2)
    assert dimensions(rows, "zrm_development", team_a) == {"vooruitgang_groot": (1.0, 1),
                                                           "achteruitgang": (1.0, 1)}


def test_same_client_in_two_dossiers_is_two_units(team_a, team_b):
    x = ClientFactory()
    first = dossier(team_a, D(2019, 1, 2), members=[x])
    second = dossier(team_b, D(2019, 1, 3), members=[x])
    measurement(first, "nulmeting", D(2019, 1, 5), {"financien": 2}, client=x)
    measurement(second, "nulmeting", D(2019, 1, 7), {"financien": 4}, client=x)
    rows = compute(Q1)
    check(rows, "zrm_baseline_mean", team_a, "financien", value=2, count=1)
    check(rows, "zrm_baseline_mean", team_b, "financien", value=4, count=1)
    check(rows, "zrm_baseline_mean", ALL, "financien", value=3, count=2)


def test_measurements_after_closure_are_counted_but_no_units(team_a):
    closed = dossier(team_a, D(2019, 1, 2), closed_on=D(2019, 3, 29))
    measurement(closed, "nulmeting", D(2019, 1, 5), {"financien": 2})
    measurement(closed, "eindmeting", D(2019, 4, 2), {"financien": 3})  # entered after closing
    rows = compute("2019-04")
    check(rows, "zrm_measurements", team_a, "eindmeting", value=1, count=1)
    assert dimensions(rows, "zrm_baseline_mean", team_a) == {}
    assert dimensions(rows, "zrm_development", team_a) == {}
