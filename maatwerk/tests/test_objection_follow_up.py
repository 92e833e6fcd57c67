"""Defect 10: an objection (bezwaar) is in the referral's status history, and an upheld one
("gegrond") is followed by the new decision, recorded on the same referral (granted or
rejected, dated, in the history), after which a new objection can be lodged."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import as_user
from maatwerk import services
from maatwerk.models import Status, StatusChange
from maatwerk.tests.conftest import DAY, TODAY


def notes(referral):
    return list(StatusChange.objects.filter(referral=referral).order_by("id").values_list("to_status", "note"))


def test_the_objection_is_in_the_status_history(rejected, generalist_a):
    services.record_objection(rejected, user=generalist_a, objected=True, outcome="")
    services.record_objection(rejected, user=generalist_a, objected=True, outcome="gegrond")
    history = notes(rejected)
    assert [n for _s, n in history][-2:] == ["bezwaar: lopend", "bezwaar: gegrond"]


def test_an_upheld_objection_is_followed_by_the_new_decision(rejected, generalist_a):
    services.record_objection(rejected, user=generalist_a, objected=True, outcome="gegrond")
    services.redecide(rejected, user=generalist_a, status=Status.GRANTED, decided_on=TODAY)
    rejected.refresh_from_db()
    assert (rejected.status, rejected.decided_on, rejected.objected, rejected.objection_outcome) == (
        Status.GRANTED, TODAY, False, "")
    last = StatusChange.objects.filter(referral=rejected).latest("id")
    assert (last.from_status, last.to_status, last.user) == (Status.REJECTED, Status.GRANTED, generalist_a)
    assert "gegrond" in last.note
    # a new objection against the new decision
    services.record_objection(rejected, user=generalist_a, objected=True, outcome="")


@pytest.mark.parametrize("outcome", ["", "ongegrond"])
def test_no_new_decision_without_an_upheld_objection(granted, generalist_a, outcome):
    if outcome:
        services.record_objection(granted, user=generalist_a, objected=True, outcome=outcome)
    with pytest.raises(ValidationError):
        services.redecide(granted, user=generalist_a, status=Status.REJECTED, decided_on=TODAY)


def test_the_new_decision_is_dated_and_not_before_the_old_one(rejected, generalist_a):
    services.record_objection(rejected, user=generalist_a, objected=True, outcome="gegrond")
    with pytest.raises(ValidationError) as excinfo:
        services.redecide(rejected, user=generalist_a, status="ingetrokken", decided_on=rejected.decided_on - DAY)
    assert set(excinfo.value.message_dict) == {"status", "decided_on"}


def test_the_referral_page_offers_the_new_decision(client, rejected, generalist_a):
    services.record_objection(rejected, user=generalist_a, objected=True, outcome="gegrond")
    as_user(client, generalist_a)
    html = client.get(reverse("maatwerk:referral", args=[rejected.pk])).content.decode()
    url = reverse("maatwerk:redecide", args=[rejected.pk])
    assert url in html and "bezwaar: gegrond" in html
    response = client.post(url, {"status": Status.GRANTED, "decided_on": TODAY.isoformat()})
    assert response.status_code == 302
    rejected.refresh_from_db()
    assert rejected.status == Status.GRANTED
