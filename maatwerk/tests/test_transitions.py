"""The one transition service: aangevraagd → toegekend | afgewezen | ingetrokken, once;
decision dates; every status change records who made it and when."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cases.models import DossierEvent, EventKind
from cases.services import today
from maatwerk import services
from maatwerk.models import Referral, Status, StatusChange

TODAY = today()
DAY = dt.timedelta(days=1)


def decide(referral, user, status, decided_on=TODAY):
    return services.decide(referral, user=user, status=status, decided_on=decided_on)


def test_a_new_referral_is_requested_and_its_first_status_is_recorded(requested, generalist_a):
    assert requested.status == Status.REQUESTED
    change = StatusChange.objects.get(referral=requested)
    assert (change.from_status, change.to_status, change.user) == ("", "aangevraagd", generalist_a)
    event = DossierEvent.objects.get(dossier=requested.dossier, kind=EventKind.REFERRAL)
    assert event.on == TODAY - 30 * DAY
    assert "Individuele begeleiding test" in event.detail and "Zorg Utrecht" in event.detail


@pytest.mark.parametrize("status", ["toegekend", "afgewezen", "ingetrokken"])
def test_a_requested_referral_can_be_decided(requested, generalist_a, status):
    decide(requested, generalist_a, status, TODAY - 2 * DAY)
    stored = Referral.objects.get(pk=requested.pk)
    assert (stored.status, stored.decided_on) == (status, TODAY - 2 * DAY)
    last = stored.status_changes.last()
    assert (last.from_status, last.to_status, last.user) == ("aangevraagd", status, generalist_a)
    assert stored.dossier.events.filter(kind=EventKind.REFERRAL, on=TODAY - 2 * DAY).count() == 1


@pytest.mark.parametrize("first", ["toegekend", "afgewezen", "ingetrokken"])
@pytest.mark.parametrize("then", ["toegekend", "afgewezen", "ingetrokken", "aangevraagd"])
def test_a_decided_referral_cannot_be_decided_again(requested, generalist_a, first, then):
    decide(requested, generalist_a, first, TODAY - 2 * DAY)
    with pytest.raises(ValidationError) as excinfo:
        decide(requested, generalist_a, then)
    assert "status" in excinfo.value.message_dict
    stored = Referral.objects.get(pk=requested.pk)
    assert (stored.status, stored.decided_on) == (first, TODAY - 2 * DAY)
    assert stored.status_changes.count() == 2


@pytest.mark.parametrize("target", ["aangevraagd", "", "onzin"])
def test_only_the_three_decisions_are_targets(requested, generalist_a, target):
    with pytest.raises(ValidationError) as excinfo:
        decide(requested, generalist_a, target)
    assert list(excinfo.value.message_dict) == ["status"]
    assert Referral.objects.get(pk=requested.pk).status == "aangevraagd"


@pytest.mark.parametrize("status", ["toegekend", "afgewezen"])
def test_granting_and_rejecting_need_a_decision_date(requested, generalist_a, status):
    with pytest.raises(ValidationError) as excinfo:
        decide(requested, generalist_a, status, None)
    assert list(excinfo.value.message_dict) == ["decided_on"]
    assert Referral.objects.get(pk=requested.pk).status == "aangevraagd"


def test_a_withdrawal_may_be_undated(requested, generalist_a):
    decide(requested, generalist_a, "ingetrokken", None)
    stored = Referral.objects.get(pk=requested.pk)
    assert (stored.status, stored.decided_on) == ("ingetrokken", None)


@pytest.mark.parametrize("status", ["toegekend", "afgewezen", "ingetrokken"])
def test_the_decision_date_lies_between_request_and_today(requested, generalist_a, status):
    for wrong in (requested.requested_on - DAY, TODAY + DAY):
        with pytest.raises(ValidationError) as excinfo:
            decide(requested, generalist_a, status, wrong)
        assert list(excinfo.value.message_dict) == ["decided_on"]
    decide(requested, generalist_a, status, requested.requested_on)
    assert Referral.objects.get(pk=requested.pk).decided_on == requested.requested_on


def test_the_status_change_records_who_and_when(requested, coach_a):
    before = timezone.now()
    decide(requested, coach_a, "toegekend")
    after = timezone.now()
    change = StatusChange.objects.filter(referral=requested).last()
    assert change.user == coach_a
    assert before <= change.at <= after
    assert list(StatusChange.objects.filter(referral=requested).values_list("from_status", "to_status")) == [
        ("", "aangevraagd"), ("aangevraagd", "toegekend"),
    ]


def test_only_members_of_the_team_can_decide(requested, generalist_b, beleid):
    for user in (generalist_b, beleid):
        with pytest.raises(PermissionDenied):
            decide(requested, user, "toegekend")
    assert Referral.objects.get(pk=requested.pk).status == "aangevraagd"
    assert StatusChange.objects.filter(referral=requested).count() == 1


def test_a_stale_copy_cannot_decide_twice(requested, generalist_a):
    """The service re-reads the referral under a lock, so a stale in-memory status does not matter."""
    stale = Referral.objects.get(pk=requested.pk)
    decide(requested, generalist_a, "afgewezen")
    with pytest.raises(ValidationError):
        decide(stale, generalist_a, "toegekend")
    assert Referral.objects.get(pk=requested.pk).status == "afgewezen"


def test_the_database_refuses_an_undated_grant(requested):
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=requested.pk).update(status="toegekend", decided_on=None)
