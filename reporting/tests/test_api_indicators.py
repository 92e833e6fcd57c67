"""GET /api/v1/indicators per ../shared/specs/api.md: filters, pages, errors."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.factories import TeamFactory
from reporting.tests.api_helpers import auth, stored_rows

URL = "/api/v1/indicators"


@pytest.fixture
def rows(team_a, team_b):
    stored_rows("2019-Q2", [team_a, team_b])
    stored_rows("2019-Q1", [team_a])


def get(client, token, **params):
    return client.get(URL, params, **auth(token))


def test_period_rows_for_teams_and_all_teams(client, api_token, rows):
    body = get(client, api_token, period="2019-Q2").json()
    assert body["count"] == 6 and body["next"] is None and body["previous"] is None
    assert {(r["team"], r["indicator"]) for r in body["results"]} == {
        (team, indicator) for team in (None, "team-a", "team-b") for indicator in ("dossiers_registered",
                                                                                 "waiting_days_mean")
    }
    first = body["results"][0]
    assert set(first) == {"period", "team", "indicator", "dimension", "value", "count", "computed_at"}
    assert first["team"] is None, "all-teams rows come first"


def test_null_values_stay_null(client, api_token, rows):
    body = get(client, api_token, period="2019-Q2", team="none", indicator="waiting_days_mean").json()
    assert [r["value"] for r in body["results"]] == [None]


def test_filters(client, api_token, rows):
    assert get(client, api_token, period="2019-Q2", team="team-b").json()["count"] == 2
    assert get(client, api_token, period="2019-Q2", team="none").json()["count"] == 2
    both = client.get(URL, {"period": "2019-Q2", "indicator": ["dossiers_registered", "waiting_days_mean"]},
                      **auth(api_token)).json()
    assert both["count"] == 6
    assert get(client, api_token, period="2019-Q2", indicator="dossiers_registered").json()["count"] == 3
    assert get(client, api_token, period="2019-Q2", dimension="nothing").json()["count"] == 0
    assert get(client, api_token, period="2019-Q1").json()["count"] == 4


def test_pages_of_at_most_1000(client, api_token, team_a):
    teams = [team_a, *TeamFactory.create_batch(5)]
    stored_rows("2020-Q1", teams, indicators=[f"x{i}" for i in range(180)])  # 6 teams + all = 7 * 180 = 1260
    body = get(client, api_token, period="2020-Q1").json()
    assert body["count"] == 1260 and len(body["results"]) == 1000 and body["next"].endswith("page=2&period=2020-Q1")
    second = client.get(body["next"], **auth(api_token)).json()
    assert len(second["results"]) == 260 and second["previous"]
    assert len(get(client, api_token, period="2020-Q1", page_size=10).json()["results"]) == 10
    assert len(get(client, api_token, period="2020-Q1", page_size=5000).json()["results"]) == 1000


def test_not_yet_computed_period_is_empty_not_an_error(client, api_token, rows):
    response = get(client, api_token, period="2031-Q4")
    assert response.status_code == 200 and response.json()["count"] == 0


@pytest.mark.parametrize("params", [{"period": "2019-Q5"}, {"period": "2019-13"}, {"period": "19-Q1"}, {}])
def test_malformed_or_missing_period_is_400_problem_naming_it(client, api_token, params):
    response = get(client, api_token, **params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and [p["name"] for p in body["invalid_params"]] == ["period"]


def test_unknown_indicator_is_400(client, api_token, rows):
    body = get(client, api_token, period="2019-Q2", indicator="salaris").json()
    assert [p["name"] for p in body["invalid_params"]] == ["indicator"]


def test_no_trailing_slashes_and_read_only(client, api_token, rows):
    assert client.get(URL + "/", {"period": "2019-Q2"}, **auth(api_token)).status_code == 404
    assert client.post(URL, {}, **auth(api_token)).status_code == 405


def test_query_count_does_not_grow_with_rows(client, api_token, team_a):
    stored_rows("2021-Q1", [team_a])
    get(client, api_token, period="2021-Q1")  # the first use also records last_used_at
    with CaptureQueriesContext(connection) as few:  # page_size: a URL not cached yet
        get(client, api_token, period="2021-Q1", page_size=999)
    stored_rows("2021-Q1", TeamFactory.create_batch(20), indicators=[f"x{i}" for i in range(20)])
    with CaptureQueriesContext(connection) as many:
        assert get(client, api_token, period="2021-Q1", page_size=998).json()["count"] > 400
    # the token's client, the period's computation (cache key, Period-Status), the count, the
    # page of rows (with the period's computed_at)
    assert len(few.captured_queries) == len(many.captured_queries) == 4
