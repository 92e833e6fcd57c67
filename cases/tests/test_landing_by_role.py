"""Defect 18: the team coach lands on the figures, not on an empty "Mijn dossiers"; policy
staff (no team) cannot open "nieuw dossier" with an empty team list."""

from django.urls import reverse

from conftest import as_user


def test_the_coach_does_not_land_on_my_dossiers(client, coach_a):
    as_user(client, coach_a)
    response = client.get(reverse("cases:home"), follow=True)
    assert response.status_code == 200
    assert reverse("cases:my_dossiers") not in [url for url, _status in response.redirect_chain]
    assert response.redirect_chain[-1][0] == reverse("reporting:team_dashboard", args=["team-a"])


def test_beleid_cannot_open_the_registration_form(client, beleid):
    as_user(client, beleid)
    assert client.get(reverse("cases:register")).status_code == 403
