"""Only machine clients with a valid token read the API; sessions of people do not."""

from django.urls import reverse

from conftest import as_user
from reporting.models import ApiClient, hash_token
from reporting.tests.api_helpers import auth

URL = "/api/v1/indicators?period=2019-Q2"


def test_without_token_401_problem_json(client, db):
    response = client.get(URL)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["status"] == 401


def test_wrong_or_revoked_token_is_refused(client, api_token):
    assert client.get(URL, **auth("not-a-token")).status_code == 401
    ApiClient.objects.update(active=False)
    assert client.get(URL, **auth(api_token)).status_code == 401


def test_logged_in_people_cannot_use_their_session(client, beleid, coach_a):
    for person in (beleid, coach_a):
        as_user(client, person)
        assert client.get(URL).status_code == 401


def test_valid_token_reads_and_is_recorded_as_used(client, api_token):
    response = client.get(URL, **auth(api_token))
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    assert ApiClient.objects.get().last_used_at is not None


def test_only_a_hash_of_the_token_is_stored(api_token):
    stored = ApiClient.objects.get()
    assert stored.token_hash == hash_token(api_token)
    assert api_token not in (stored.token_hash, stored.token_prefix)


def test_token_does_not_open_personal_pages(client, api_token, team_a):
    from cases.factories import household

    dossier = household(team_a)
    for url in (reverse("cases:dossier", args=[dossier.pk]), reverse("cases:team_dossiers", args=[team_a.code])):
        response = client.get(url, **auth(api_token))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
