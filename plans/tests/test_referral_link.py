"""A maatwerk referral made from a goal creates its linked maatwerk action; the referral's
decision and care period keep the action's dates in step (maatwerk's referral_changed signal,
docs/adr/0020); a problem with the referral stores neither."""

import pytest
from django.core.exceptions import ValidationError

from maatwerk import services as maatwerk_services
from maatwerk.models import Referral
from plans import services
from plans.models import Action, PlanEvent
from plans.tests.conftest import DAY, TODAY


@pytest.fixture
def linked(goal, member, product, provider, generalist_a):
    return services.refer_from_goal(goal, user=generalist_a, client=member, product=product, provider=provider,
                                    form="zin", requested_on=TODAY - 30 * DAY, notes="")


def test_the_referral_creates_its_action(linked, goal, provider):
    referral, action = linked
    assert (action.goal, action.referral, action.kanteling, action.existing) == (goal, referral, "maatwerk", False)
    assert action.domain == goal.domain and action.by == provider.name
    assert action.starts_on == referral.requested_on and action.ends_on is None


def test_a_refused_referral_stores_nothing(goal, member, product, provider, generalist_a):
    provider.products.clear()
    with pytest.raises(ValidationError) as excinfo:
        services.refer_from_goal(goal, user=generalist_a, client=member, product=product, provider=provider,
                                 form="zin", requested_on=TODAY + DAY)
    assert {"provider", "requested_on"} <= set(excinfo.value.message_dict)
    assert not Referral.objects.exists() and not Action.objects.exists()


def test_granted_care_period_moves_the_action(linked, generalist_a):
    referral, action = linked
    referral = maatwerk_services.decide(referral, user=generalist_a, status="toegekend", decided_on=TODAY - 20 * DAY)
    action.refresh_from_db()
    assert action.starts_on == TODAY - 30 * DAY  # no care period yet: unchanged
    maatwerk_services.set_care_period(referral, user=generalist_a, starts_on=TODAY - 10 * DAY, ends_on=None)
    action.refresh_from_db()
    assert (action.starts_on, action.ends_on) == (TODAY - 10 * DAY, None)
    maatwerk_services.set_care_period(referral, user=generalist_a, starts_on=TODAY - 10 * DAY,
                                      ends_on=TODAY + 100 * DAY)
    action.refresh_from_db()
    assert (action.starts_on, action.ends_on) == (TODAY - 10 * DAY, TODAY + 100 * DAY)
    assert PlanEvent.objects.filter(detail__startswith="Data van de inzet volgen").count() == 2
    # changing the dates on the action keeps the care period's
    services.update_action(action, user=generalist_a, starts_on=TODAY, ends_on=None, description="IB")
    action.refresh_from_db()
    assert (action.starts_on, action.ends_on, action.description) == (TODAY - 10 * DAY, TODAY + 100 * DAY, "IB")


@pytest.mark.parametrize("status", ["afgewezen", "ingetrokken"])
def test_a_refused_or_withdrawn_referral_ends_the_action(linked, generalist_a, status):
    referral, action = linked
    maatwerk_services.decide(referral, user=generalist_a, status=status, decided_on=TODAY - 5 * DAY)
    action.refresh_from_db()
    assert (action.starts_on, action.ends_on) == (TODAY - 30 * DAY, TODAY - 5 * DAY)


def test_a_failing_receiver_rolls_the_decision_back(linked, generalist_a, monkeypatch):
    referral, _action = linked

    def broken(*args, **kwargs):
        raise ValidationError("kapot")

    monkeypatch.setattr(services, "sync_referral_actions", broken)
    with pytest.raises(ValidationError):
        maatwerk_services.decide(referral, user=generalist_a, status="toegekend", decided_on=TODAY)
    referral.refresh_from_db()
    assert referral.status == "aangevraagd"
