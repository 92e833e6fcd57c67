"""Who may open the frozen-figures pages (the persona matrix checks leaks and writes; this
file the expected status of every persona): freezing is beleid's; the revisions page is
for everyone who sees figures; the dossiers behind a team's revisions are its members'."""

import pytest
from django.urls import reverse

from cases.factories import user_with_role
from cases.models import Role
from conftest import as_user
from reporting.freezing import freeze_period
from reporting.models import FrozenVersion
from reporting.tests.frozen_helpers import computed_rows

PERSONAS = ("anonymous", "generalist_a", "generalist_b", "coach_a", "beleid", "beheer")
FREEZE = {"anonymous": 302, "generalist_a": 403, "generalist_b": 403, "coach_a": 403, "beleid": 302, "beheer": 403}
REVISIONS = {"anonymous": 302, "generalist_a": 200, "generalist_b": 200, "coach_a": 200, "beleid": 200, "beheer": 403}
DOSSIERS = {"anonymous": 302, "generalist_a": 200, "generalist_b": 404, "coach_a": 200, "beleid": 404, "beheer": 404}


@pytest.fixture
def frozen(team_a, team_b):
    computed_rows("2019-Q2", [team_a, team_b])
    freeze_period("2019-Q2")


def login(client, request, persona):
    if persona != "anonymous":
        as_user(client, request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", PERSONAS)
def test_freeze(client, request, persona, frozen):
    login(client, request, persona)
    response = client.post(reverse("reporting:freeze"), {"period": "2019-Q2", "confirmed": "yes"})
    assert response.status_code == FREEZE[persona]
    assert FrozenVersion.objects.filter(period="2019-Q2").count() == (2 if persona == "beleid" else 1)


@pytest.mark.parametrize("persona", PERSONAS)
def test_revisions_page(client, request, persona, frozen):
    login(client, request, persona)
    assert client.get(reverse("reporting:revisions"), {"period": "2019-Q2"}).status_code == REVISIONS[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_dossiers_behind_team_a(client, request, persona, team_a, frozen):
    login(client, request, persona)
    url = reverse("reporting:revision_dossiers", args=[team_a.code])
    assert client.get(url, {"period": "2019-Q2"}).status_code == DOSSIERS[persona]


def test_coach_of_another_team_sees_no_dossiers_of_team_a(client, team_a, team_b, frozen):
    as_user(client, user_with_role(Role.TEAMCOACH, team_b, username="coach-b"))
    assert client.get(reverse("reporting:revisions"), {"period": "2019-Q2"}).status_code == 200
    url = reverse("reporting:revision_dossiers", args=[team_a.code])
    assert client.get(url, {"period": "2019-Q2"}).status_code == 404


def test_api_clients_cannot_use_the_pages(client, api_token, frozen):
    headers = {"HTTP_AUTHORIZATION": f"Token {api_token}"}
    assert client.get(reverse("reporting:revisions"), {"period": "2019-Q2"}, **headers).status_code == 302
    assert client.post(reverse("reporting:freeze"), {"period": "2019-Q2"}, **headers).status_code == 302
