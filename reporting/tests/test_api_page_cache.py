"""GET /api/v1/indicators at scale (issue 16): the page is rendered once per period
computation and frozen version, answered with an ETag, and If-None-Match gets a 304;
recomputing or freezing the period makes a new ETag. The cached body is byte for byte
what the serializer wrote before (api.md)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer

from cases.factories import TeamFactory
from reporting.api.filters import ordered
from reporting.api.serializers import IndicatorRowSerializer
from reporting.compute import compute_periods
from reporting.freezing import freeze_period
from reporting.models import IndicatorRow, PeriodComputation
from reporting.tests.api_helpers import auth

URL = "/api/v1/indicators"


@pytest.fixture
def computed(team_a, team_b):
    compute_periods(["2019-Q2"])


def get(client, token, headers=None, **params):
    return client.get(URL, {"period": "2019-Q2", **params}, **auth(token), **(headers or {}))


def test_etag_and_304_when_unchanged(client, api_token, computed):
    first = get(client, api_token)
    assert first.status_code == 200 and first["ETag"].startswith('"')
    again = get(client, api_token, headers={"HTTP_IF_NONE_MATCH": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"] and again["Period-Status"] == "computed"
    weak_in_a_list = get(client, api_token, headers={"HTTP_IF_NONE_MATCH": f'"other", W/{first["ETag"]}'})
    assert weak_in_a_list.status_code == 304
    other = get(client, api_token, headers={"HTTP_IF_NONE_MATCH": '"something-else"'})
    assert other.status_code == 200 and other.content == first.content


def test_each_query_and_page_has_its_own_etag(client, api_token, computed):
    tags = {get(client, api_token)["ETag"], get(client, api_token, team="none")["ETag"],
            get(client, api_token, page_size=10)["ETag"], get(client, api_token, page_size=10, page=2)["ETag"]}
    assert len(tags) == 4
    assert get(client, api_token, team="none").json()["count"] == IndicatorRow.objects.filter(
        period="2019-Q2", team=None).count()


def test_recomputing_changes_the_etag_and_the_rows(client, api_token, computed, team_a):
    before = get(client, api_token)
    computed_at = PeriodComputation.objects.get(period="2019-Q2").computed_at
    TeamFactory()  # one more team: more rows after recomputing
    compute_periods(["2019-Q2"])
    assert PeriodComputation.objects.get(period="2019-Q2").computed_at > computed_at
    stale = get(client, api_token, headers={"HTTP_IF_NONE_MATCH": before["ETag"]})
    assert stale.status_code == 200 and stale["ETag"] != before["ETag"]
    assert stale.json()["count"] > before.json()["count"]
    assert {r["computed_at"] for r in stale.json()["results"]} != {r["computed_at"] for r in before.json()["results"]}


def test_freezing_changes_the_etag(client, api_token, computed):
    before = get(client, api_token)
    freeze_period("2019-Q2")
    after = get(client, api_token, headers={"HTTP_IF_NONE_MATCH": before["ETag"]})
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    frozen = get(client, api_token, version="frozen")
    assert frozen.status_code == 200 and frozen.json()["results"][0]["version"] == 1
    assert get(client, api_token, version="frozen",
               headers={"HTTP_IF_NONE_MATCH": frozen["ETag"]}).status_code == 304
    freeze_period("2019-Q2")
    second = get(client, api_token, version="frozen", headers={"HTTP_IF_NONE_MATCH": frozen["ETag"]})
    assert second.status_code == 200 and second.json()["results"][0]["version"] == 2


def test_a_frozen_version_that_does_not_exist_is_not_cached(client, api_token, computed):
    assert get(client, api_token, version="1").status_code == 404
    freeze_period("2019-Q2")
    assert get(client, api_token, version="1").status_code == 200


def test_body_is_what_the_serializer_writes(client, api_token, computed):
    """Byte for byte: the rows from .values_list() equal IndicatorRowSerializer's, in the same envelope."""
    for headers in ({}, {"HTTP_IF_NONE_MATCH": '"x"'}):  # built, then from the cache
        response = get(client, api_token, page_size=50, headers=headers)
        rows = ordered(IndicatorRow.objects.filter(period="2019-Q2").with_computed_at())
        expected = {"count": rows.count(), "next": "http://testserver/api/v1/indicators?page=2&page_size=50&period=2019-Q2",
                    "previous": None, "results": IndicatorRowSerializer(rows[:50], many=True).data}
        assert response.content == JSONRenderer().render(expected)
        assert response["Content-Type"] == "application/json"


def test_not_computed_period_is_not_cached(client, api_token, team_a):
    assert "ETag" not in get(client, api_token)
    assert get(client, api_token)["Period-Status"] == "not-computed"


def test_a_cached_page_costs_two_queries(client, api_token, computed):
    get(client, api_token)  # builds the page (and records last_used_at)
    with CaptureQueriesContext(connection) as queries:
        response = get(client, api_token)
    assert response.status_code == 200 and json.loads(response.content)["count"] > 0
    # the token's client; the period's computation with its latest frozen version
    assert len(queries.captured_queries) == 2
