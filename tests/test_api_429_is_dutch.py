"""Issue 26 (should fix): the API's 429 is wholly Dutch, both when a client's rate is used up
(DRF's throttle, whose own text is English: "Request was throttled. Expected available in …")
and when an address sent too many wrong tokens."""

import re

from django.conf import settings as django_settings

from reporting.models import ApiClient
from reporting.tests.api_helpers import auth

URL = "/api/v1/indicators?period=2019-Q2"
DUTCH = re.compile(r"^Te veel verzoeken\. Probeer het over \d+ seconden opnieuw\.$")


def _assert_dutch_429(response) -> None:
    assert response.status_code == 429 and response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Te veel verzoeken" and body["status"] == 429
    assert DUTCH.match(body["detail"]), body["detail"]
    assert int(response["Retry-After"]) >= 1


def test_a_used_up_rate_is_a_dutch_429(client, db, settings):
    rest = django_settings.REST_FRAMEWORK
    settings.REST_FRAMEWORK = {**rest, "DEFAULT_THROTTLE_RATES": {**rest["DEFAULT_THROTTLE_RATES"],
                                                                  "api_client": "1/day"}}
    _api, token = ApiClient.create_with_token("gemeente")
    client.get(URL, **auth(token))
    _assert_dutch_429(client.get(URL, **auth(token)))


def test_too_many_wrong_tokens_are_a_dutch_429(client, db, settings):
    settings.API_TOKEN_FAILURES_PER_ADDRESS = 3
    for _attempt in range(3):
        assert client.get(URL, HTTP_AUTHORIZATION="Token fout-token").status_code == 401
    _assert_dutch_429(client.get(URL, HTTP_AUTHORIZATION="Token fout-token"))
