"""The goal, support and consent forms show every problem in the first round: a date rule
(before the registration, in the future, a target before the start) appears together with
the errors of the required fields left empty, each next to its own field."""

from django.urls import reverse

from conftest import as_user
from plans.tests.conftest import DAY, TODAY


def _errors(response) -> dict:
    assert response.status_code == 200
    return {field: list(messages) for field, messages in response.context["form"].errors.items()}


def test_goal_form_shows_date_rules_with_missing_fields(client, generalist_a, dossier):
    as_user(client, generalist_a)
    response = client.post(reverse("plans:goal_new", args=[dossier.pk]), {
        "client": "household", "domain": "", "direction": "verbeteren",
        "set_on": (TODAY - 100 * DAY).isoformat(), "target_on": (TODAY - 120 * DAY).isoformat()})
    errors = _errors(response)
    assert set(errors) == {"domain", "set_on", "target_on"}
    assert "aanmelddatum" in errors["set_on"][0]


def test_action_form_shows_date_rules_with_missing_fields(client, generalist_a, dossier):
    as_user(client, generalist_a)
    response = client.post(reverse("plans:action_new", args=[dossier.pk]), {
        "kanteling": "", "domain": "financien", "existing": "false",
        "starts_on": (TODAY - 100 * DAY).isoformat(), "ends_on": (TODAY - 110 * DAY).isoformat()})
    errors = _errors(response)
    assert set(errors) == {"kanteling", "starts_on", "ends_on"}


def test_consent_form_shows_date_rules_with_missing_fields(client, generalist_a, dossier, member):
    as_user(client, generalist_a)
    response = client.post(reverse("plans:consent_new", args=[dossier.pk]), {
        "client": str(member.pk), "recipient": "", "form": "mondeling",
        "given_on": (TODAY + 3 * DAY).isoformat(), "expires_on": (TODAY - 3 * DAY).isoformat()})
    errors = _errors(response)
    assert set(errors) == {"recipient", "given_on", "expires_on"}
