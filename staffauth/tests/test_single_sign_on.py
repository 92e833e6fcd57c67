"""Single sign-on for staff against a real OpenID Connect provider on this machine
(oidc-provider-mock, started in a thread on a free port): the whole code flow over HTTP,
token exchange, ID-token signature (JWKS) and userinfo included; nothing mocked here."""

from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from django.test import override_settings
from django.urls import reverse
from oidc_provider_mock import run_server_in_thread

from cases.factories import UserFactory
from staffauth.models import SingleSignOnDevice
from staffauth.oidc import BACKEND

ALICE = "alice.jansen@buurtteam.example"


@pytest.fixture(scope="module")
def provider():
    with run_server_in_thread(port=0) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso(provider, settings):
    base = {
        "STAFF_OIDC_RP_CLIENT_ID": "buurtteam-test", "STAFF_OIDC_RP_CLIENT_SECRET": "secret",
        "STAFF_OIDC_OP_AUTHORIZATION_ENDPOINT": f"{provider}/oauth2/authorize",
        "STAFF_OIDC_OP_TOKEN_ENDPOINT": f"{provider}/oauth2/token",
        "STAFF_OIDC_OP_USER_ENDPOINT": f"{provider}/userinfo",
        "STAFF_OIDC_OP_JWKS_ENDPOINT": f"{provider}/jwks",
        "AUTHENTICATION_BACKENDS": [*settings.AUTHENTICATION_BACKENDS, BACKEND],
    }
    with override_settings(**base):
        yield provider


def sign_in(client, provider, sub, claims, next_path=None):
    """The browser's round trip: our login link, the provider's form, back to our callback."""
    httpx.put(f"{provider}/users/{sub}", json=claims).raise_for_status()
    start = client.get(reverse("staffauth:oidc_authenticate"), {"next": next_path} if next_path else {})
    assert start.status_code == 302 and start["Location"].startswith(f"{provider}/oauth2/authorize?")
    query = parse_qs(urlparse(start["Location"]).query)
    assert query["redirect_uri"] == ["http://testserver" + reverse("staffauth:oidc_callback")]
    assert "code_challenge" in query and "nonce" in query
    answer = httpx.post(start["Location"], data={"sub": sub})
    assert answer.status_code == 302
    back = urlparse(answer.headers["location"])
    assert back.path == reverse("staffauth:oidc_callback")
    return client.get(back.path, parse_qs(back.query))


def test_off_unless_configured(client, db):
    assert client.get(reverse("staffauth:oidc_authenticate")).status_code == 404
    assert client.get(reverse("staffauth:oidc_callback")).status_code == 404
    assert "organisatie-account" not in client.get(reverse("login")).content.decode()


def test_the_login_page_offers_it_when_configured(client, sso, db):
    text = client.get(reverse("login")).content.decode()
    assert "Inloggen met uw organisatie-account" in text


def test_mfa_at_the_provider_counts_as_the_second_factor(client, sso, generalist_a):
    generalist_a.email = ALICE.upper()  # matched case-insensitively
    generalist_a.save()
    response = sign_in(client, sso, "alice-1", {"email": ALICE, "amr": ["pwd", "mfa"]},
                       next_path=reverse("cases:my_dossiers"))
    assert response.status_code == 302 and response["Location"] == reverse("cases:my_dossiers")
    assert client.session["_auth_user_id"] == str(generalist_a.pk)
    assert client.get(reverse("cases:my_dossiers")).status_code == 200  # no second step asked
    assert SingleSignOnDevice.objects.get(user=generalist_a).last_used_at is not None
    assert "organisatie" in client.get(reverse("staffauth:settings")).content.decode()


def test_without_mfa_claim_our_own_second_step_follows(client, sso, generalist_a):
    generalist_a.email = ALICE
    generalist_a.save()
    response = sign_in(client, sso, "alice-2", {"email": ALICE, "amr": ["pwd"]})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(generalist_a.pk)
    assert client.get(reverse("cases:my_dossiers"))["Location"].startswith(reverse("staffauth:enrol"))


def test_an_unknown_address_or_a_user_without_staff_role_is_refused(client, sso, generalist_a):
    UserFactory(username="no-role", email="bob@buurtteam.example")
    for sub, email in (("carol", "carol@buurtteam.example"), ("bob", "bob@buurtteam.example")):
        response = sign_in(client, sso, sub, {"email": email, "amr": ["mfa"]})
        assert response["Location"] == reverse("login") + "?sso=mislukt"
        assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "Inloggen met uw organisatie-account is niet gelukt." in page


def test_two_staff_users_with_one_address_are_refused(client, sso, generalist_a, coach_a):
    for user in (generalist_a, coach_a):
        user.email = ALICE
        user.save()
    response = sign_in(client, sso, "alice-3", {"email": ALICE, "amr": ["mfa"]})
    assert response["Location"] == reverse("login") + "?sso=mislukt"


def test_the_password_login_does_not_reach_the_sso_backend(client, sso, generalist_a):
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    request = RequestFactory().get(reverse("login"), {"code": "x", "state": "y"})
    assert authenticate(request, nonce="n", code_verifier=None) is None  # not on its callback: no HTTP call
