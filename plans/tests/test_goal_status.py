"""Evaluation: ``lopend`` has no status date, every other status needs one on or after
``set_on`` and not in the future; the database refuses the same."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from plans import services
from plans.models import Goal
from plans.tests.conftest import DAY, TODAY


@pytest.mark.parametrize("status", ["behaald", "deels_behaald", "niet_behaald", "vervallen"])
def test_a_final_status_needs_its_date(goal, generalist_a, status):
    with pytest.raises(ValidationError) as excinfo:
        services.set_goal_status(goal, user=generalist_a, status=status, status_on=None)
    assert set(excinfo.value.message_dict) == {"status_on"}
    services.set_goal_status(goal, user=generalist_a, status=status, status_on=TODAY)
    goal.refresh_from_db()
    assert (goal.status, goal.status_on) == (status, TODAY)


def test_back_to_ongoing_clears_the_date(goal, generalist_a):
    services.set_goal_status(goal, user=generalist_a, status="behaald", status_on=TODAY)
    services.set_goal_status(goal, user=generalist_a, status="lopend", status_on=TODAY)
    goal.refresh_from_db()
    assert (goal.status, goal.status_on) == ("lopend", None)


@pytest.mark.parametrize("offset, field", [(-51, "status_on"), (1, "status_on")])
def test_status_date_in_order(goal, generalist_a, offset, field):
    """goal.set_on is 50 days ago: 51 days ago is before it, tomorrow is in the future."""
    with pytest.raises(ValidationError) as excinfo:
        services.set_goal_status(goal, user=generalist_a, status="behaald", status_on=TODAY + offset * DAY)
    assert set(excinfo.value.message_dict) == {field}


def test_unknown_status(goal, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.set_goal_status(goal, user=generalist_a, status="gelukt", status_on=TODAY)
    assert set(excinfo.value.message_dict) == {"status"}


def test_the_database_refuses_an_undated_status(goal):
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.filter(pk=goal.pk).update(status="behaald")
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.filter(pk=goal.pk).update(status_on=TODAY)
