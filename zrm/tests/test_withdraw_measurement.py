"""Defect 2: a measurement entered in error is withdrawn, not silently deleted: it moves to
WithdrawnMeasurement with who, when and why, is on the timeline, and counts nowhere: not in
the development, not as a nulmeting (a new one can be recorded), not in the indicators."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.models import DossierEvent, EventKind
from conftest import as_user
from zrm import services
from zrm.factories import instrument
from zrm.models import Measurement, WithdrawnMeasurement
from zrm.progress import units
from zrm.tests.conftest import DAY, TODAY


@pytest.fixture
def wrong(dossier, generalist_a, applicant):
    return services.record_measurement(dossier, user=generalist_a, client=applicant, instrument=instrument("zrm-2017"),
                                       type="nulmeting", measured_on=TODAY - 10 * DAY, scores={"financien": 1})


def test_withdrawing_records_who_when_why_and_removes_it_from_the_development(wrong, dossier, generalist_a):
    withdrawn = services.withdraw_measurement(wrong, user=generalist_a, reason="Verkeerd lid gekozen")
    assert not Measurement.objects.filter(pk=wrong.pk).exists()
    assert (withdrawn.ref, withdrawn.type, withdrawn.scores, withdrawn.created_by) == (
        wrong.ref, "nulmeting", {"financien": 1}, generalist_a)
    assert (withdrawn.withdrawn_by, withdrawn.reason) == (generalist_a, "Verkeerd lid gekozen")
    assert withdrawn.withdrawn_at is not None
    event = DossierEvent.objects.filter(dossier=dossier, kind=EventKind.MEASUREMENT).first()
    assert "Verkeerd lid gekozen" in event.detail
    assert units(list(dossier.members.all()), list(Measurement.objects.filter(dossier=dossier))) == []


def test_after_withdrawal_the_nulmeting_can_be_recorded_again(wrong, dossier, generalist_a, applicant):
    services.withdraw_measurement(wrong, user=generalist_a, reason="Dubbel ingevoerd")
    again = services.record_measurement(dossier, user=generalist_a, client=applicant,
                                        instrument=instrument("zrm-2017"), type="nulmeting",
                                        measured_on=TODAY - 9 * DAY, scores={"financien": 2})
    assert again.type == "nulmeting"


def test_a_reason_is_required_and_other_teams_cannot(wrong, generalist_a, generalist_b):
    with pytest.raises(ValidationError) as excinfo:
        services.withdraw_measurement(wrong, user=generalist_a, reason="  ")
    assert "reason" in excinfo.value.message_dict
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.withdraw_measurement(wrong, user=generalist_b, reason="x")
    assert Measurement.objects.filter(pk=wrong.pk).exists() and not WithdrawnMeasurement.objects.exists()


def test_the_withdraw_page(client, wrong, dossier, generalist_a):
    as_user(client, generalist_a)
    detail = client.get(reverse("zrm:detail", args=[dossier.pk, wrong.pk])).content.decode()
    url = reverse("zrm:withdraw", args=[dossier.pk, wrong.pk])
    assert url in detail
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    response = client.post(url, {"reason": "Verkeerde datum"})
    assert response.status_code == 302
    assert WithdrawnMeasurement.objects.get().reason == "Verkeerde datum"
