"""DigiD through the municipality's OpenID Connect broker, against a real provider on this
machine (oidc-provider-mock in a thread on a free port): the whole code flow over HTTP, token
exchange, ID-token signature (JWKS) and userinfo; nothing of the library mocked."""

from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from django.test import override_settings
from django.urls import reverse
from oidc_provider_mock import run_server_in_thread

from cases.models import AccessLogEntry


@pytest.fixture(scope="module")
def provider():
    with run_server_in_thread(port=0) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def digid(provider):
    with override_settings(
        PORTAL_OIDC_RP_CLIENT_ID="gemeente-broker-test", PORTAL_OIDC_RP_CLIENT_SECRET="secret",
        PORTAL_OIDC_OP_AUTHORIZATION_ENDPOINT=f"{provider}/oauth2/authorize",
        PORTAL_OIDC_OP_TOKEN_ENDPOINT=f"{provider}/oauth2/token",
        PORTAL_OIDC_OP_USER_ENDPOINT=f"{provider}/userinfo", PORTAL_OIDC_OP_JWKS_ENDPOINT=f"{provider}/jwks",
    ):
        yield provider


def sign_in(client, provider, sub, claims):
    httpx.put(f"{provider}/users/{sub}", json=claims).raise_for_status()
    start = client.get(reverse("portal:oidc_authenticate"))
    assert start.status_code == 302 and start["Location"].startswith(f"{provider}/oauth2/authorize?")
    query = parse_qs(urlparse(start["Location"]).query)
    assert query["redirect_uri"] == ["http://testserver" + reverse("portal:oidc_callback")]
    answer = httpx.post(start["Location"], data={"sub": sub})
    assert answer.status_code == 302
    back = urlparse(answer.headers["location"])
    assert back.path == reverse("portal:oidc_callback")
    return client.get(back.path, parse_qs(back.query))


def test_off_unless_configured(client, db):
    assert client.get(reverse("portal:oidc_authenticate")).status_code == 404
    assert "DigiD" not in client.get(reverse("portal:login")).content.decode()


def test_bsn_claim_logs_the_invited_resident_in(client, digid, resident, applicant, dossier_a):
    assert "Inloggen met DigiD" in client.get(reverse("portal:login")).content.decode()
    response = sign_in(client, digid, "digid-1", {"bsn": applicant.bsn})
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    assert client.session["_auth_user_id"] == str(resident.user.pk)
    assert client.get(reverse("portal:dossier", args=[dossier_a.pk])).status_code == 200
    assert AccessLogEntry.objects.filter(user=resident.user, dossier=dossier_a).exists()
    assert client.get(reverse("work:my_work"))["Location"] == reverse("portal:home")  # still a portal session


def test_unknown_bsn_is_refused(client, digid, resident):
    response = sign_in(client, digid, "digid-2", {"bsn": "111222333"})
    assert response["Location"] == reverse("portal:login") + "?digid=mislukt"
    assert "_auth_user_id" not in client.session
    assert "niet gelukt" in client.get(response["Location"]).content.decode()
