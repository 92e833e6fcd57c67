"""Every maatwerk page is scoped to the user's teams: other teams and organisation-wide
roles get 404 (also when guessing URLs and posting), anonymous users go to login."""

import pytest
from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from maatwerk.models import Referral, StatusChange


def urls(referral):
    return [
        reverse("maatwerk:new", args=[referral.dossier_id]),
        reverse("maatwerk:referral", args=[referral.pk]),
        reverse("maatwerk:decide", args=[referral.pk]),
        reverse("maatwerk:care_period", args=[referral.pk]),
        reverse("maatwerk:objection", args=[referral.pk]),
        reverse("maatwerk:team_overview", args=[referral.dossier.team.code]),
    ]


def test_members_of_the_team_see_every_page(client, generalist_a, coach_a, requested):
    for user in (generalist_a, coach_a):
        as_user(client, user)
        for url in urls(requested):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["generalist_b", "beleid", "beheer"])
def test_other_personas_get_404(client, request, persona, requested):
    as_user(client, request.getfixturevalue(persona))
    posts = {
        "new": {"client": requested.client_id, "product": requested.product_id, "provider": requested.provider_id,
                "form": "zin", "requested_on": requested.requested_on.isoformat()},
        "decide": {"status": "toegekend", "decided_on": requested.requested_on.isoformat()},
        "care": {"starts_on": requested.requested_on.isoformat()},
        "objection": {"objected": "on"},
    }
    for url in urls(requested):
        assert client.get(url).status_code == 404, url
        for data in posts.values():
            assert client.post(url, data).status_code == 404, url
    assert Referral.objects.count() == 1
    assert Referral.objects.get().status == "aangevraagd"
    assert StatusChange.objects.count() == 1
    assert not AccessLogEntry.objects.exists()


def test_a_team_b_overview_never_shows_team_a_referrals(client, generalist_b, team_b, requested):
    as_user(client, generalist_b)
    response = client.get(reverse("maatwerk:team_overview", args=[team_b.code]))
    assert response.status_code == 200
    assert list(response.context["awaiting"]) == []
    assert requested.product.name not in response.content.decode()


def test_anonymous_users_go_to_login(client, requested):
    for url in urls(requested):
        for response in (client.get(url), client.post(url, {})):
            assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
    assert Referral.objects.get().status == "aangevraagd"
