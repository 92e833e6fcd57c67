"""Every plan page is scoped to the dossier's team: team members (generalist, coach) see it,
other teams and organisation-wide roles get 404 (GET and POST, also guessing ids), nothing
is changed or logged for them; anonymous users go to the login page."""

import pytest
from django.urls import reverse

from cases.factories import household
from cases.models import AccessLogEntry
from conftest import as_user
from plans.factories import ActionFactory, NetworkContactFactory
from plans.models import Action, Goal, NetworkContact, Plan
from plans.tests.conftest import TODAY


@pytest.fixture
def parts(dossier, goal):
    return {"goal": goal, "action": ActionFactory(dossier=dossier, goal=goal),
            "contact": NetworkContactFactory(dossier=dossier)}


def urls(dossier, parts):
    d, g, a, c = dossier.pk, parts["goal"].pk, parts["action"].pk, parts["contact"].pk
    return [
        reverse("plans:plan", args=[d]), reverse("plans:print", args=[d]), reverse("plans:agree", args=[d]),
        reverse("plans:goal_new", args=[d]), reverse("plans:goal_edit", args=[d, g]),
        reverse("plans:goal_status", args=[d, g]), reverse("plans:goal_refer", args=[d, g]),
        reverse("plans:action_new", args=[d]), reverse("plans:action_edit", args=[d, a]),
        reverse("plans:contact_new", args=[d]), reverse("plans:contact_edit", args=[d, c]),
    ]



def post_only_urls(dossier, parts):
    return [reverse("plans:goal_suggested", args=[dossier.pk]),
            reverse("plans:action_remove", args=[dossier.pk, parts["action"].pk]),
            reverse("plans:contact_remove", args=[dossier.pk, parts["contact"].pk])]


@pytest.mark.parametrize("persona", ["generalist_a", "coach_a"])
def test_the_team_sees_every_page(client, request, persona, dossier, parts):
    as_user(client, request.getfixturevalue(persona))
    for url in urls(dossier, parts):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["generalist_b", "beleid", "beheer"])
def test_others_get_404_and_change_nothing(client, request, persona, dossier, parts):
    as_user(client, request.getfixturevalue(persona))
    data = {"agreed_on": TODAY.isoformat(), "client": "household", "domain": "overig", "direction": "verbeteren",
            "set_on": TODAY.isoformat(), "status": "behaald", "status_on": TODAY.isoformat(),
            "kanteling": "eigen_kracht", "existing": "false", "starts_on": TODAY.isoformat(), "kind": "familie",
            "name": "Indringer"}
    for url in urls(dossier, parts) + post_only_urls(dossier, parts):
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, data).status_code == 404, url
    assert Goal.objects.count() == 1 and Goal.objects.get().status == "lopend"
    assert Action.objects.count() == 1 and NetworkContact.objects.count() == 1
    assert Plan.objects.get().agreed_on is None
    assert not AccessLogEntry.objects.exists()


def test_guessing_a_part_of_another_dossier_is_404(client, generalist_a, team_a, dossier, parts):
    """A goal of dossier X under the URL of dossier Y (both of the team) is not found."""
    other = household(team_a)
    as_user(client, generalist_a)
    assert client.get(reverse("plans:goal_edit", args=[other.pk, parts["goal"].pk])).status_code == 404
    assert client.get(reverse("plans:action_edit", args=[other.pk, parts["action"].pk])).status_code == 404
    assert client.post(reverse("plans:contact_remove", args=[other.pk, parts["contact"].pk])).status_code == 404
    assert NetworkContact.objects.count() == 1


def test_other_teams_panel_data_is_not_loaded(generalist_b, dossier, parts):
    from plans.panels import load_plan

    data = load_plan(generalist_b, dossier)
    assert data["goals"] == [] and data["actions"] == [] and data["contacts"] == [] and data["plan"] is None


def test_anonymous_goes_to_login(client, dossier, parts):
    response = client.get(reverse("plans:plan", args=[dossier.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
