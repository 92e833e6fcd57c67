"""Defect 6: a form reports every error at once: the service's rules (dates against the
dossier, the future) together with the form's own field errors, not in a second round."""

import datetime as dt

import pytest
from django.urls import reverse

from cases import services
from cases.factories import household
from cases.models import Dossier
from conftest import as_user

TODAY = services.today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def dossier(team_a):
    return household(team_a, registered_on=TODAY - 10 * DAY)


def errors(response) -> dict:
    return {field: list(messages) for field, messages in response.context["form"].errors.items()}


def test_registration_reports_the_future_date_with_the_client_errors(client, generalist_a, team_a):
    as_user(client, generalist_a)
    response = client.post(reverse("cases:register"), {
        "team": team_a.pk, "registered_on": (TODAY + DAY).isoformat(), "client-family_name": "",
    })
    assert response.status_code == 200
    assert "registered_on" in errors(response)
    assert "family_name" in response.context["applicant"].form.errors
    assert not Dossier.objects.exists()


def test_first_contact_reports_date_and_location_together(client, generalist_a, dossier):
    as_user(client, generalist_a)
    response = client.post(reverse("cases:first_contact", args=[dossier.pk]),
                           {"first_contact_on": (TODAY - 20 * DAY).isoformat()})  # before registration, no location
    assert set(errors(response)) == {"first_contact_on", "location"}


def test_start_support_reports_the_future(client, generalist_a, dossier):
    as_user(client, generalist_a)
    response = client.post(reverse("cases:start_support", args=[dossier.pk]),
                           {"support_started_on": (TODAY + DAY).isoformat()})
    assert set(errors(response)) == {"support_started_on"}


def test_closing_reports_dates_and_rating_together(client, generalist_a, dossier):
    as_user(client, generalist_a)
    response = client.post(reverse("cases:close", args=[dossier.pk]), {
        "closed_on": (TODAY - 20 * DAY).isoformat(), "closure_reason": "volgens_plan",
        "can_continue_independently": "ja", "client_rating": "11",
    })
    assert set(errors(response)) == {"closed_on", "client_rating"}
    dossier.refresh_from_db()
    assert dossier.closed_on is None
