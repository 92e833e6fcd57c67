"""The client's address behind PROXY_COUNT trusted proxies: in the access log and in
login throttling (NEN 7513 "from where" is the client, not the proxy)."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from cases.factories import UserFactory, household
from cases.models import AccessLogEntry
from conftest import as_user

PROXY = "127.0.0.1"


@pytest.fixture
def one_proxy(settings):
    settings.PROXY_COUNT = 1


def _logged_address(client, user, dossier, **headers):
    as_user(client, user).get(reverse("cases:dossier", args=[dossier.pk]), REMOTE_ADDR=PROXY, **headers)
    return set(AccessLogEntry.objects.filter(dossier=dossier).values_list("remote_addr", flat=True))


def test_access_log_records_the_client_behind_the_proxy(client, generalist_a, team_a, one_proxy):
    dossier = household(team_a)
    assert _logged_address(client, generalist_a, dossier, HTTP_X_FORWARDED_FOR="203.0.113.7") == {"203.0.113.7"}


def test_a_client_cannot_choose_its_address_by_sending_the_header_itself(client, generalist_a, team_a, one_proxy):
    dossier = household(team_a)
    spoofed = "198.51.100.1, 203.0.113.7"  # the client sent the first; our proxy appended the second
    assert _logged_address(client, generalist_a, dossier, HTTP_X_FORWARDED_FOR=spoofed) == {"203.0.113.7"}


def test_without_proxies_the_header_is_ignored(client, generalist_a, team_a, settings):
    settings.PROXY_COUNT = 0
    dossier = household(team_a)
    assert _logged_address(client, generalist_a, dossier, HTTP_X_FORWARDED_FOR="203.0.113.7") == {PROXY}


def test_a_garbage_header_falls_back_to_the_connection(client, generalist_a, team_a, one_proxy):
    dossier = household(team_a)
    assert _logged_address(client, generalist_a, dossier, HTTP_X_FORWARDED_FOR="not-an-ip") == {PROXY}


def test_login_throttling_counts_per_client_behind_the_proxy(client, db, one_proxy):
    UserFactory(username="anna")
    url = reverse("login")
    for _ in range(5):
        client.post(url, {"username": "anna", "password": "wrong"}, REMOTE_ADDR=PROXY,
                    HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    # Another client behind the same proxy is not locked out by the first one's failures.
    response = client.post(url, {"username": "anna", "password": "correct horse battery staple"},
                           REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert response.status_code == 302 and "_auth_user_id" in client.session
