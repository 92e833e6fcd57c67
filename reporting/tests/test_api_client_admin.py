"""API clients are created and revoked in the admin: creating one shows its token once
(only its hash is stored), revoking refuses its requests from then on."""

import re

from django.urls import reverse

from conftest import as_user
from reporting.models import ApiClient, hash_token


def test_creating_shows_the_token_once_and_stores_only_its_hash(client, beheer):
    as_user(client, beheer)
    response = client.post(reverse("admin:reporting_apiclient_add"), {"name": "gemeente-bi"}, follow=True)
    html = response.content.decode()
    token = re.search(r"<code>([\w-]{40,})</code>", html).group(1)
    api_client = ApiClient.objects.get(name="gemeente-bi")
    assert api_client.token_hash == hash_token(token) and api_client.token_prefix == token[:8]
    assert token not in client.get(reverse("admin:reporting_apiclient_change", args=[api_client.pk])).content.decode()
    # Accepted (a 400 asks for the period; a refused token is a 401)
    assert client.get("/api/v1/indicators", HTTP_AUTHORIZATION=f"Token {token}").status_code == 400


def test_revoking_deactivates(client, beheer, api_token):
    api_client = ApiClient.objects.get()
    as_user(client, beheer).post(reverse("admin:reporting_apiclient_changelist"),
                                 {"action": "revoke", "_selected_action": [api_client.pk]})
    api_client.refresh_from_db()
    assert api_client.active is False


def test_the_admin_labels_are_dutch(client, beheer, api_token):
    html = as_user(client, beheer).get(reverse("admin:reporting_apiclient_changelist")).content.decode()
    assert "Aangemaakt" in html and "created at" not in html.lower()
