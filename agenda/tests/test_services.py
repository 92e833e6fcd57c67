"""Planning appointments and recording their outcome (agenda.services)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from agenda import services
from agenda.factories import appointment, at
from agenda.models import Appointment, Kind, Outcome
from cases.factories import household
from cases.models import Dossier

pytestmark = pytest.mark.django_db


def _yesterday_at(hour: int) -> dt.datetime:
    return at(timezone.localdate() - dt.timedelta(days=1), hour)


def test_holding_a_kennismakingsgesprek_sets_first_contact_and_its_recorded_on_date(team_a, generalist_a):
    dossier = household(team_a, registered_on=timezone.localdate() - dt.timedelta(days=10))
    planned = appointment(dossier, user=generalist_a, kind=Kind.INTAKE, starts_at=_yesterday_at(14),
                          place_kind="kantoor")
    services.record_outcome(planned, user=generalist_a, outcome=Outcome.HELD)
    dossier = Dossier.objects.get(pk=dossier.pk)
    assert dossier.first_contact_on == timezone.localdate() - dt.timedelta(days=1)
    assert dossier.first_contact_location == "kantoor"
    assert dossier.first_contact_recorded_on == timezone.localdate()
    assert dossier.support_started_on is None


def test_first_held_support_appointment_starts_support_when_kept(team_a, generalist_a):
    dossier = household(team_a, registered_on=timezone.localdate() - dt.timedelta(days=10))
    visit = appointment(dossier, user=generalist_a, starts_at=_yesterday_at(9))
    assert services.proposes_support_start(visit, dossier)
    services.record_outcome(visit, user=generalist_a, outcome=Outcome.HELD, start_support=True)
    dossier.refresh_from_db()
    assert dossier.support_started_on == timezone.localdate() - dt.timedelta(days=1)
    assert dossier.support_started_recorded_on == timezone.localdate()
    assert not services.proposes_support_start(appointment(dossier, user=generalist_a), dossier)


def test_conflicts_need_confirmation(team_a, generalist_a):
    dossier = household(team_a)
    first = appointment(dossier, user=generalist_a)
    data = {"kind": Kind.PHONE, "starts_at": first.starts_at + dt.timedelta(minutes=30),
            "ends_at": first.ends_at + dt.timedelta(minutes=30), "place_kind": "elders", "workers": [generalist_a]}
    with pytest.raises(ValidationError) as error:
        services.plan(dossier, user=generalist_a, **data)
    assert "confirm_conflicts" in error.value.error_dict
    services.plan(dossier, user=generalist_a, confirm_conflicts=True, **data)
    assert Appointment.objects.filter(dossier=dossier).count() == 2


def test_all_errors_at_once_and_outcome_rules(team_a, team_b, generalist_a, generalist_b):
    dossier = household(team_a)
    start = at(timezone.localdate() + dt.timedelta(days=2), 10)
    with pytest.raises(ValidationError) as error:
        services.plan(dossier, user=generalist_a, kind="", starts_at=start, ends_at=start, place_kind="",
                      workers=[generalist_b])
    assert set(error.value.error_dict) == {"kind", "place_kind", "ends_at", "workers"}
    future = appointment(dossier, user=generalist_a)
    with pytest.raises(ValidationError):
        services.record_outcome(future, user=generalist_a, outcome=Outcome.HELD)
    with pytest.raises(ValidationError) as error:
        services.record_outcome(future, user=generalist_a, outcome=Outcome.CANCELLED)
    assert "cancelled_by" in error.value.error_dict
    services.record_outcome(future, user=generalist_a, outcome=Outcome.CANCELLED, cancelled_by="client")
    with pytest.raises(ValidationError):
        services.record_outcome(future, user=generalist_a, outcome=Outcome.CANCELLED, cancelled_by="client")


def test_an_outcome_recorded_on_the_day_gives_a_registration_lag_of_zero(team_a, generalist_a):
    dossier = household(team_a, registered_on=timezone.localdate() - dt.timedelta(days=3))
    midnight = at(timezone.localdate(), 0)  # today, started whatever the time
    intake = appointment(dossier, user=generalist_a, kind=Kind.INTAKE, starts_at=midnight, minutes=30)
    services.record_outcome(intake, user=generalist_a, outcome=Outcome.HELD)
    dossier.refresh_from_db()
    assert (dossier.first_contact_recorded_on - dossier.first_contact_on).days == 0
