"""What the plan adds to the dossier through cases.extensions: goals still ongoing must be
settled when the dossier closes (the close form asks their status, dated the closing day),
a member with goals stays in the household, plan changes show on the timeline."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases import extensions
from cases import services as case_services
from conftest import as_user
from plans import services
from plans.tests.conftest import DAY, TODAY


def test_ongoing_goals_are_open_items(dossier, goal, generalist_a):
    done = services.add_goal(dossier, user=generalist_a, client=None, domain="overig", direction="verbeteren")
    services.set_goal_status(done, user=generalist_a, status="behaald", status_on=TODAY)
    items = extensions.open_items(dossier)
    assert [item.field for item in items] == [f"settle_goal_{goal.pk}"]
    assert "lopend" not in dict(items[0].choices)


def test_closing_asks_and_settles_the_ongoing_goals(dossier, goal, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        case_services.close_dossier(dossier, user=generalist_a, closed_on=TODAY - DAY, closure_reason="volgens_plan")
    assert f"settle_goal_{goal.pk}" in excinfo.value.message_dict
    goal.refresh_from_db()
    assert goal.status == "lopend"
    case_services.close_dossier(dossier, user=generalist_a, closed_on=TODAY - DAY, closure_reason="volgens_plan",
                                settlements={f"settle_goal_{goal.pk}": "deels_behaald"})
    goal.refresh_from_db()
    assert (goal.status, goal.status_on) == ("deels_behaald", TODAY - DAY)


def test_the_close_page_offers_the_goal(client, dossier, goal, generalist_a):
    as_user(client, generalist_a)
    html = client.get(reverse("cases:close", args=[dossier.pk])).content.decode()
    assert f'name="settle_goal_{goal.pk}"' in html and "Schulden op een rij" in html


def test_a_member_with_goals_stays(dossier, goal, member, generalist_a):
    assert extensions.member_in_use(dossier, member.pk) == ["doelen in het plan"]


def test_plan_changes_on_the_timeline(client, dossier, goal, generalist_a):
    services.agree_plan(dossier, user=generalist_a, agreed_on=TODAY)
    as_user(client, generalist_a)
    html = client.get(dossier.get_absolute_url()).content.decode()
    assert "Doel gesteld: Schulden op een rij" in html and "Plan afgesproken met het huishouden" in html
