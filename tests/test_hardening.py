"""Issue 26, "should fix": personal-data answers are never cached, failed logins and wrong
API tokens are counted per address too, and the API's 429 is Dutch Problem JSON."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from conftest import as_user
from portal.testing import as_portal, resident_account

API = "/api/v1/indicators?period=2019-Q2"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_personal_data_pages_are_private_and_not_stored(client, team_a, generalist_a):
    from cases.factories import household

    dossier = household(team_a, lead_worker=generalist_a)
    dossier.workers.add(generalist_a)
    as_user(client, generalist_a)
    page = client.get(reverse("cases:dossier", args=[dossier.pk]))
    assert page.get("Cache-Control") == "private, no-store", (page.status_code, dict(page.headers))
    assert client.get(reverse("journal:export", args=[dossier.pk]))["Cache-Control"] == "private, no-store"
    client.logout()
    account = resident_account(dossier, dossier.members.first().client, generalist_a)
    as_portal(client, account)
    assert client.get(reverse("portal:dossier", args=[dossier.pk]))["Cache-Control"] == "private, no-store"


def test_password_spraying_from_one_address_is_stopped(client, settings, generalist_a):
    settings.LOGIN_FAILURES_PER_ADDRESS = 10
    generalist_a.set_password("het juiste wachtwoord 42")
    generalist_a.save()
    for number in range(10):  # one password over many usernames: axes (per username) never trips
        client.post(reverse("login"), {"username": f"medewerker-{number}", "password": "Zomer2026!"})
    client.post(reverse("login"), {"username": "generalist-a", "password": "het juiste wachtwoord 42"})
    assert "_auth_user_id" not in client.session  # the address is stopped, right password included


def test_wrong_api_tokens_get_a_dutch_429(client, settings, db):
    settings.API_TOKEN_FAILURES_PER_ADDRESS = 5
    for _attempt in range(5):
        assert client.get(API, HTTP_AUTHORIZATION="Token fout-token").status_code == 401
    response = client.get(API, HTTP_AUTHORIZATION="Token fout-token")
    assert response.status_code == 429 and response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Te veel verzoeken" and body["detail"].startswith("Te veel verzoeken.")
    assert "throttled" not in body["detail"].lower() and response["Retry-After"]
