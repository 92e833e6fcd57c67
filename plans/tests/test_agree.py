"""Agreeing the plan: a date on or after registration, not in the future, at least one goal;
the agreed version is kept and what changed since shows on the plan page."""

import pytest
from django.core.exceptions import ValidationError

from cases.factories import household
from plans import services
from plans.changes import changes_since_agreed
from plans.models import Action, Goal, Plan
from plans.tests.conftest import DAY, TODAY


def test_a_draft_until_agreed(dossier, goal, generalist_a):
    plan = Plan.objects.get(dossier=dossier)
    assert plan.is_draft
    plan = services.agree_plan(dossier, user=generalist_a, agreed_on=TODAY - DAY)
    assert not plan.is_draft and plan.agreed_on == TODAY - DAY and plan.agreed_by == generalist_a
    assert list(plan.agreed_version["goals"]) == [goal.ref]


@pytest.mark.parametrize("offset", [1, -61])  # tomorrow; the day before registration (60 days ago)
def test_agreed_on_in_order(dossier, goal, generalist_a, offset):
    with pytest.raises(ValidationError) as excinfo:
        services.agree_plan(dossier, user=generalist_a, agreed_on=TODAY + offset * DAY)
    assert set(excinfo.value.message_dict) == {"agreed_on"}
    assert Plan.objects.get(dossier=dossier).agreed_on is None


def test_needs_a_goal_and_a_date(team_a, generalist_a):
    empty = household(team_a)
    with pytest.raises(ValidationError) as excinfo:
        services.agree_plan(empty, user=generalist_a, agreed_on=None)
    assert len(excinfo.value.message_dict["agreed_on"]) == 2  # no date and no goal, both at once


def test_changes_since_the_agreed_version(dossier, goal, generalist_a):
    services.add_action(dossier, user=generalist_a, goal=goal, domain="financien", kanteling="eigen_kracht",
                        existing=False, description="Zelf bellen met de schuldeiser", starts_on=TODAY - DAY)
    dropped = services.add_goal(dossier, user=generalist_a, client=None, domain="overig", direction="verbeteren",
                                description="Verhuizen")
    plan = services.agree_plan(dossier, user=generalist_a, agreed_on=TODAY)
    assert changes_since_agreed(plan, list(Goal.objects.all()), list(Action.objects.all())) == []

    services.update_goal(goal, user=generalist_a, description="Schulden op een rij en een budgetplan")
    new = services.add_goal(dossier, user=generalist_a, client=None, domain="huisvesting", direction="verbeteren",
                            description="Woning houden")
    Goal.objects.filter(pk=dropped.pk).delete()
    Action.objects.update(ends_on=TODAY)
    plan.refresh_from_db()
    changes = {(c.kind, c.what, c.label): c.fields
               for c in changes_since_agreed(plan, list(Goal.objects.all()), list(Action.objects.all()))}
    assert changes == {
        ("goal", "changed", "Schulden op een rij en een budgetplan"): ("description",),
        ("goal", "added", str(new)): (),
        ("goal", "removed", "Verhuizen"): (),
        ("action", "changed", "Zelf bellen met de schuldeiser"): ("ends_on",),
    }
    # agreeing again takes the current version
    plan = services.agree_plan(dossier, user=generalist_a, agreed_on=TODAY)
    assert changes_since_agreed(plan, list(Goal.objects.all()), list(Action.objects.all())) == []


def test_a_draft_has_no_changes(dossier, goal):
    assert changes_since_agreed(Plan.objects.get(dossier=dossier), [goal], []) == []
    assert changes_since_agreed(None, [goal], []) == []
