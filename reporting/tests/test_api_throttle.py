"""The API throttle counts per client, in the shared cache (Redis in production), and a
429 says in Retry-After when to come back (issue 16)."""

import os

import pytest
from django.conf import settings as django_settings

from reporting.models import ApiClient
from reporting.tests.api_helpers import auth, stored_rows

URL = "/api/v1/indicators"
REDIS_URL = os.environ.get("BUURTTEAM_TEST_REDIS_URL", "")


@pytest.fixture
def redis_cache(redis_cache, settings):
    """The shared Redis cache (conftest) with a rate of 3 a day."""
    rest = django_settings.REST_FRAMEWORK
    settings.REST_FRAMEWORK = {**rest, "DEFAULT_THROTTLE_RATES": {**rest["DEFAULT_THROTTLE_RATES"],
                                                                  "api_client": "3/day"}}


def test_429_with_retry_after_per_client(client, db, team_a, redis_cache):
    stored_rows("2019-Q2", [team_a])
    _, first = ApiClient.create_with_token("eerste")
    _, second = ApiClient.create_with_token("tweede")
    statuses = [client.get(URL, {"period": "2019-Q2"}, **auth(first)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get(URL, {"period": "2019-Q2"}, **auth(first))
    assert refused.status_code == 429 and refused["Content-Type"] == "application/problem+json"
    assert 1 <= int(refused["Retry-After"]) <= 86400
    assert refused.json()["status"] == 429
    # Another client has its own count.
    assert client.get(URL, {"period": "2019-Q2"}, **auth(second)).status_code == 200


def test_the_count_lives_in_redis(client, db, team_a, redis_cache, settings):
    """Every worker counts in the same place: the counter is a Redis key, not process memory."""
    import redis

    stored_rows("2019-Q2", [team_a])
    api_client, token = ApiClient.create_with_token("gedeeld")
    for _ in range(2):
        assert client.get(URL, {"period": "2019-Q2"}, **auth(token)).status_code == 200
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    keys = redis.Redis.from_url(REDIS_URL).keys(f"{prefix}:*:throttle:api_client:{api_client.pk}:*")
    assert len(keys) == 1 and int(redis.Redis.from_url(REDIS_URL).get(keys[0])) == 2
