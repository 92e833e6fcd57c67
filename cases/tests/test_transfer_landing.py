"""Defect 1: after transferring a dossier to a team the user does not work in, they land on
a page they may see (their home) with a message saying where the dossier went, instead of
the dossier page that is now a 404 for them."""

import pytest
from django.urls import reverse

from cases.factories import MembershipFactory, household
from cases.models import Role
from conftest import as_user


@pytest.fixture
def dossier(team_a):
    return household(team_a)


def test_transfer_to_another_team_lands_on_home_with_a_message(client, generalist_a, team_b, dossier):
    as_user(client, generalist_a)
    response = client.post(reverse("cases:transfer", args=[dossier.pk]), {"to_team": team_b.pk, "note": ""},
                           follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0] == reverse("cases:home")
    dossier.refresh_from_db()
    assert dossier.team == team_b
    shown = [str(m) for m in response.context["messages"]]
    assert any(str(dossier.pk) in m and team_b.name in m for m in shown), shown


def test_a_user_of_both_teams_stays_on_the_dossier(client, generalist_a, team_b, dossier):
    MembershipFactory(user=generalist_a, team=team_b, role=Role.GENERALIST)
    as_user(client, generalist_a)
    response = client.post(reverse("cases:transfer", args=[dossier.pk]), {"to_team": team_b.pk, "note": ""})
    assert response.status_code == 302
    assert response.url == dossier.get_absolute_url()
    assert client.get(response.url).status_code == 200
