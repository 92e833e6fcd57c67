"""The Plan family (indicators.md Additions v2): plans agreed, goals set and their status at
closure, new and existing support by kanteling, network mapped; per team and pooled."""

import datetime as dt

import pytest

from cases.factories import TeamFactory
from plans.factories import ActionFactory, GoalFactory, NetworkContactFactory, PlanFactory
from reporting.factories import dossier
from reporting.tests.helpers import ALL, check, compute, dimensions, find

D = dt.date
Q2 = "2019-Q2"  # 2019-04-01 .. 2019-06-30


@pytest.fixture
def data(db):
    a = TeamFactory(code="team-a")
    b = TeamFactory(code="team-b")
    empty = TeamFactory(code="team-c")
    # Team A
    a1 = dossier(a, D(2019, 4, 1), closed_on=D(2019, 6, 30))  # registered and closed in Q2
    PlanFactory(dossier=a1, agreed_on=D(2019, 4, 11))  # 10 days after registration, before closing
    GoalFactory(dossier=a1, domain="financien", direction="verbeteren", set_on=D(2019, 4, 2), status="behaald",
                status_on=D(2019, 6, 1), proposed_by="client")
    GoalFactory(dossier=a1, domain="huisvesting", direction="stabiliseren", set_on=D(2019, 4, 2),
                status="niet_behaald", status_on=D(2019, 6, 1))
    GoalFactory(dossier=a1, domain="financien", direction="verbeteren", set_on=D(2019, 4, 3), status="vervallen",
                status_on=D(2019, 5, 1))
    ActionFactory(dossier=a1, kanteling="eigen_kracht", existing=True, starts_on=None)
    ActionFactory(dossier=a1, kanteling="maatwerk", existing=True, starts_on=D(2018, 1, 1))
    ActionFactory(dossier=a1, kanteling="algemene_voorziening", existing=False, starts_on=D(2019, 4, 1),
                  domain="financien")
    ActionFactory(dossier=a1, kanteling="sociaal_netwerk", existing=False, starts_on=D(2019, 6, 30),
                  domain="overig")
    NetworkContactFactory(dossier=a1)
    NetworkContactFactory(dossier=a1)  # two contacts: still one dossier mapped
    a2 = dossier(a, D(2019, 1, 10), closed_on=D(2019, 5, 1))  # closed in Q2, plan agreed after closing
    PlanFactory(dossier=a2, agreed_on=D(2019, 5, 2))
    GoalFactory(dossier=a2, domain="overig", direction="begeleide_achteruitgang", set_on=D(2019, 3, 31),
                status="lopend")
    a3 = dossier(a, D(2019, 1, 10))  # open, draft plan, support outside Q2
    PlanFactory(dossier=a3, agreed_on=None)
    ActionFactory(dossier=a3, kanteling="maatwerk", existing=False, starts_on=D(2019, 7, 1))
    ActionFactory(dossier=a3, kanteling="maatwerk", existing=False, starts_on=D(2019, 3, 31))
    dossier(a, D(2019, 7, 1))  # not active in Q2: its contact does not count
    NetworkContactFactory(dossier=dossier(a, D(2019, 7, 2)))
    # Team B
    b1 = dossier(b, D(2019, 5, 1), closed_on=D(2019, 6, 1))  # closed without a plan
    GoalFactory(dossier=b1, domain="financien", direction="verbeteren", set_on=D(2019, 5, 2), status="deels_behaald",
                status_on=D(2019, 6, 1))
    ActionFactory(dossier=b1, kanteling="maatwerk", existing=False, starts_on=D(2019, 5, 10), domain="financien")
    ActionFactory(dossier=b1, kanteling="eigen_kracht", existing=True, starts_on=None)
    b2 = dossier(b, D(2019, 2, 1))
    PlanFactory(dossier=b2, agreed_on=D(2019, 6, 1))  # 120 days after registration
    NetworkContactFactory(dossier=b2)
    return {"a": a, "b": b, "empty": empty}


def test_plans_agreed_and_days(data):
    rows = compute(Q2)
    check(rows, "plans_agreed", data["a"], value=2, count=2)  # a1 and a2 (agreed after closing still counts)
    check(rows, "plans_agreed", data["b"], value=1, count=1)
    check(rows, "plans_agreed", data["empty"], value=0, count=0)
    check(rows, "plans_agreed", ALL, value=3, count=3)
    # a1 10 days, a2 2019-01-10 -> 2019-05-02 = 112 days; b2 2019-02-01 -> 2019-06-01 = 120 days
    check(rows, "plan_agreed_days_mean", data["a"], value=61, count=2)
    check(rows, "plan_agreed_days_mean", ALL, value=(10 + 112 + 120) / 3, count=3)
    check(rows, "plan_agreed_days_mean", data["empty"], value=None, count=0)


def test_closed_with_agreed_plan(data):
    rows = compute(Q2)
    check(rows, "closed_with_agreed_plan_pct", data["a"], value=50, count=2)  # a2 agreed after closing
    check(rows, "closed_with_agreed_plan_pct", data["b"], value=0, count=1)  # b1 has no plan
    check(rows, "closed_with_agreed_plan_pct", ALL, value=100 / 3, count=3)
    check(rows, "closed_with_agreed_plan_pct", data["empty"], value=None, count=0)


def test_goals_set_by_direction_and_domain(data):
    rows = compute(Q2)
    assert dimensions(rows, "goals_set", data["a"]) == {
        "": (3, 3), "direction:verbeteren": (2, 2), "direction:stabiliseren": (1, 1),
        "domain:financien": (2, 2), "domain:huisvesting": (1, 1),
    }  # a2's goal was set on 2019-03-31
    check(rows, "goals_set", ALL, value=4, count=4)
    check(rows, "goals_set", ALL, "domain:financien", value=3, count=3)
    check(rows, "goals_set", data["empty"], value=0, count=0)
    assert find(rows, "goals_set", data["empty"], "domain:financien") is None
    check(rows, "goals_proposed_by_client_pct", data["a"], value=100 / 3, count=3)
    check(rows, "goals_proposed_by_client_pct", ALL, value=25, count=4)
    check(rows, "goals_proposed_by_client_pct", data["empty"], value=None, count=0)


def test_goal_status_at_closure(data):
    rows = compute(Q2)
    assert dimensions(rows, "goal_status", data["a"]) == {
        "behaald": (1, 1), "niet_behaald": (1, 1), "vervallen": (1, 1), "lopend": (1, 1),
    }
    # behaald / (behaald + deels + niet): A 1/2; all 1/3 (b1 deels_behaald)
    check(rows, "goals_achieved_pct", data["a"], value=50, count=2)
    check(rows, "goals_achieved_pct", data["b"], value=0, count=1)
    check(rows, "goals_achieved_pct", ALL, value=100 / 3, count=3)
    check(rows, "goals_achieved_pct", data["empty"], value=None, count=0)


def test_new_support_by_kanteling_and_domain(data):
    rows = compute(Q2)
    assert dimensions(rows, "support_new", data["a"]) == {
        "": (2, 2), "kanteling:algemene_voorziening": (1, 1), "kanteling:sociaal_netwerk": (1, 1),
        "domain:financien": (1, 1), "domain:overig": (1, 1),
    }
    check(rows, "support_new", ALL, value=3, count=3)
    check(rows, "support_new", data["empty"], value=0, count=0)
    assert dimensions(rows, "support_new_pct", data["a"]) == {"algemene_voorziening": (50, 2),
                                                              "sociaal_netwerk": (50, 2)}
    assert dimensions(rows, "support_new_pct", data["b"]) == {"maatwerk": (100, 1)}
    # pooled over all new support (3), not over the teams where the kanteling occurs
    check(rows, "support_new_pct", ALL, "maatwerk", value=100 / 3, count=3)
    check(rows, "support_new_pct", ALL, "algemene_voorziening", value=100 / 3, count=3)
    assert dimensions(rows, "support_new_pct", data["empty"]) == {}


def test_existing_support_of_registered_dossiers(data):
    rows = compute(Q2)
    assert dimensions(rows, "support_existing", data["a"]) == {
        "": (2, 2), "kanteling:eigen_kracht": (1, 1), "kanteling:maatwerk": (1, 1),
    }
    check(rows, "support_existing", ALL, value=3, count=3)
    check(rows, "support_existing", data["empty"], value=0, count=0)
    check(rows, "support_existing_pct", ALL, "eigen_kracht", value=200 / 3, count=3)
    check(rows, "support_existing_pct", data["b"], "eigen_kracht", value=100, count=1)
    assert find(rows, "support_existing", ALL, "domain:financien") is None  # no domain dimension


def test_network_mapped(data):
    rows = compute(Q2)
    check(rows, "network_mapped_pct", data["a"], value=100 / 3, count=3)  # a1 of a1, a2, a3
    check(rows, "network_mapped_pct", data["b"], value=50, count=2)
    check(rows, "network_mapped_pct", ALL, value=40, count=5)
    check(rows, "network_mapped_pct", data["empty"], value=None, count=0)
