"""Recorded-on dates: the service sets the day a date was entered; forms cannot change it."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from cases import services
from cases.factories import household
from cases.forms import DetailsForm
from cases.models import Dossier

TODAY = services.today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def dossier(team_a):
    return household(team_a, registered_on=TODAY - 30 * DAY)


def test_each_date_records_the_day_it_was_entered(dossier, generalist_a):
    services.record_first_contact(dossier, user=generalist_a, on=TODAY - 20 * DAY, location="thuis")
    services.start_support(dossier, user=generalist_a, on=TODAY - 10 * DAY)
    services.close_dossier(dossier, user=generalist_a, closed_on=TODAY - 2 * DAY, closure_reason="volgens_plan")
    dossier.refresh_from_db()
    assert dossier.first_contact_recorded_on == TODAY
    assert dossier.support_started_recorded_on == TODAY
    assert dossier.closed_recorded_on == TODAY


def test_reopening_forgets_the_closure_recorded_on(dossier, generalist_a, coach_a):
    services.close_dossier(dossier, user=generalist_a, closed_on=TODAY, closure_reason="volgens_plan")
    services.reopen_dossier(dossier, user=coach_a, reason="Toch nog nodig")
    dossier.refresh_from_db()
    assert dossier.closed_on is None
    assert dossier.closed_recorded_on is None


def test_recorded_on_is_not_editable_and_not_in_forms(dossier):
    for name in ("first_contact_recorded_on", "support_started_recorded_on", "closed_recorded_on"):
        assert Dossier._meta.get_field(name).editable is False
        assert name not in DetailsForm.base_fields


def test_database_refuses_recorded_on_before_its_date(dossier):
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.filter(pk=dossier.pk).update(first_contact_on=TODAY, first_contact_recorded_on=TODAY - DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.filter(pk=dossier.pk).update(closed_recorded_on=TODAY)  # without its date
