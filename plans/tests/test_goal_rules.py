"""Goals: member of the household, a domain of any instrument or ``overig``, direction,
dates in order; all problems at once, keyed by field."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.factories import ClientFactory
from plans import services
from plans.models import Goal, Plan, PlanEvent
from plans.tests.conftest import DAY, TODAY


def errors(excinfo) -> dict:
    return {field: " ".join(messages) for field, messages in excinfo.value.message_dict.items()}


def test_a_goal_starts_the_plan_and_is_ongoing(dossier, member, generalist_a):
    goal = services.add_goal(dossier, user=generalist_a, client=member, domain="huisvesting",
                             direction="stabiliseren", description="  Blijven wonen  ")
    assert goal.status == "lopend" and goal.status_on is None
    assert goal.set_on == TODAY and goal.proposed_by == "medewerker"
    assert goal.description == "Blijven wonen"
    assert Plan.objects.get(dossier=dossier).agreed_on is None
    assert PlanEvent.objects.filter(dossier=dossier, detail__contains="Blijven wonen").exists()


def test_a_household_goal_has_no_member(dossier, generalist_a):
    goal = services.add_goal(dossier, user=generalist_a, client=None, domain="overig", direction="verbeteren")
    assert goal.client is None and goal.domain == "overig"


@pytest.mark.parametrize("domain", ["werk_opleiding", "scholing", "adl", "overig"])
def test_domains_of_every_instrument(dossier, generalist_a, domain):
    """zrm-2017, the ouderschap supplement (scholing) and zrm-2013 (adl) domains are all accepted."""
    assert services.add_goal(dossier, user=generalist_a, client=None, domain=domain, direction="verbeteren")


def test_every_problem_at_once(dossier, generalist_a):
    stranger = ClientFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.add_goal(dossier, user=generalist_a, client=stranger, domain="astrologie", direction="omhoog",
                          proposed_by="buurman", set_on=TODAY + DAY, target_on=TODAY)
    found = errors(excinfo)
    assert set(found) == {"client", "domain", "direction", "proposed_by", "set_on", "target_on"}
    assert "niet" in found["client"]  # Dutch, next to the field
    assert "toekomst" in found["set_on"]
    assert not Goal.objects.exists() and not Plan.objects.exists()


def test_set_on_not_before_registration(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.add_goal(dossier, user=generalist_a, client=None, domain="financien", direction="verbeteren",
                          set_on=dossier.registered_on - DAY)
    assert set(errors(excinfo)) == {"set_on"}


def test_target_before_set_on_is_refused(goal, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.update_goal(goal, user=generalist_a, target_on=goal.set_on - DAY)
    assert set(errors(excinfo)) == {"target_on"}
    goal.refresh_from_db()
    assert goal.target_on == TODAY + 90 * DAY


def test_update_changes_the_goal(goal, generalist_a, other_member):
    services.update_goal(goal, user=generalist_a, client=other_member, description="Betalingsregeling",
                         direction="stabiliseren")
    goal.refresh_from_db()
    assert (goal.client, goal.description, goal.direction) == (other_member, "Betalingsregeling", "stabiliseren")


def test_only_the_team_writes(dossier, generalist_b, coach_a):
    with pytest.raises(PermissionDenied):
        services.add_goal(dossier, user=generalist_b, client=None, domain="financien", direction="verbeteren")
    assert services.add_goal(dossier, user=coach_a, client=None, domain="financien", direction="verbeteren")


def test_unknown_fields_are_a_programming_error(goal, generalist_a):
    with pytest.raises(ValueError):
        services.update_goal(goal, user=generalist_a, status="behaald")
