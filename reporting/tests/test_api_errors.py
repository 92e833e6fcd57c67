"""Every API answer is one the OpenAPI document describes: errors (500 included) are
Problem JSON, the period is validated once, a never-computed period says so."""

import json

import pytest
from django.utils import timezone

from reporting import exports
from reporting.models import PeriodComputation
from reporting.tests.api_helpers import auth, stored_rows

ENDPOINTS = ["/api/v1/indicators", "/api/v1/indicators.csv", "/api/v1/indicators.xlsx"]


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["status"] == status and body["title"] and body["detail"]
    return body


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("period", ["2019-Q2\n", " 2019-Q2", "2019-Q2 "])
def test_a_period_with_whitespace_is_a_400_problem_everywhere(client, api_token, url, period):
    body = assert_problem(client.get(url, {"period": period}, **auth(api_token)), 400)
    assert [p["name"] for p in body["invalid_params"]] == ["period"]


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("team", ["bestaat-niet", "", " "])  # empty: Schemathesis found it answered 200
def test_an_unknown_or_empty_team_is_a_400_problem(client, api_token, team_a, url, team):
    stored_rows("2019-Q2", [team_a])
    body = assert_problem(client.get(url, {"period": "2019-Q2", "team": team}, **auth(api_token)), 400)
    assert [p["name"] for p in body["invalid_params"]] == ["team"]
    assert client.get(url, {"period": "2019-Q2", "team": team_a.code}, **auth(api_token)).status_code == 200
    assert client.get(url, {"period": "2019-Q2", "team": "none"}, **auth(api_token)).status_code == 200


@pytest.mark.parametrize("url", ENDPOINTS)
def test_never_computed_period_says_so(client, api_token, url, db):
    response = client.get(url, {"period": "2031-Q4"}, **auth(api_token))
    assert response.status_code == 200
    assert response["Period-Status"] == "not-computed" and "Period-Computed-At" not in response


def test_computed_period_says_when(client, api_token, team_a):
    at = timezone.now()
    PeriodComputation.objects.create(period="2019-Q2", computed_at=at, duration_ms=1, row_count=1)
    stored_rows("2019-Q2", [team_a])
    response = client.get(ENDPOINTS[0], {"period": "2019-Q2"}, **auth(api_token))
    assert response["Period-Status"] == "computed" and response["Period-Computed-At"] == at.isoformat()
    PeriodComputation.objects.filter(period="2019-Q2").update(requested_at=timezone.now())
    assert client.get(ENDPOINTS[0], {"period": "2019-Q2"}, **auth(api_token))["Period-Status"] == "being-recomputed"


def test_the_validated_period_names_the_file(client, api_token, db):
    response = client.get(ENDPOINTS[1], {"period": "2019"}, **auth(api_token))
    assert response["Content-Disposition"] == 'attachment; filename="indicatoren-2019.csv"'


def test_a_crash_is_a_500_problem_not_an_html_page(client, api_token, monkeypatch, db):
    def crash(rows):
        raise RuntimeError("boom")

    monkeypatch.setattr(exports, "as_csv", crash)
    body = assert_problem(client.get(ENDPOINTS[1], {"period": "2019-Q2"}, **auth(api_token)), 500)
    assert "boom" not in body["detail"]


def test_an_unknown_api_path_is_a_404_problem(client, api_token, db):
    assert_problem(client.get("/api/v1/bestaat-niet", **auth(api_token)), 404)
    assert_problem(client.get("/api/v1/indicators/", {"period": "2019-Q2"}, **auth(api_token)), 404)


@pytest.mark.parametrize("url", ENDPOINTS)
def test_an_unacceptable_accept_header_is_a_406_problem(client, api_token, url, db):
    assert_problem(client.get(url, {"period": "2019-Q2"}, HTTP_ACCEPT="application/xml", **auth(api_token)), 406)


@pytest.mark.parametrize(("url", "accept"), [(ENDPOINTS[1], "text/csv"), (
    ENDPOINTS[2], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")])
def test_downloads_accept_their_own_media_type(client, api_token, url, accept, db):
    response = client.get(url, {"period": "2019-Q2"}, HTTP_ACCEPT=accept, **auth(api_token))
    assert response.status_code == 200 and response["Content-Type"].startswith(accept)


def test_missing_token_and_bad_page_are_problems(client, api_token, team_a):
    assert_problem(client.get(ENDPOINTS[0], {"period": "2019-Q2"}), 401)
    assert_problem(client.get(ENDPOINTS[0], {"period": "2019-Q2", "page": 99}, **auth(api_token)), 404)


def test_openapi_documents_parameters_and_responses_of_every_endpoint(client, db):
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    for url in ENDPOINTS:
        operation = schema["paths"][url]["get"]
        parameters = {p["name"]: p for p in operation["parameters"]}
        assert {"period", "team", "indicator", "dimension"} <= set(parameters), url
        assert parameters["period"]["required"] is True
        assert parameters["period"]["schema"]["pattern"] == r"^(19|2[0-9])[0-9]{2}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$"
        for status in ("200", "400", "401", "404", "406", "429"):
            assert status in operation["responses"], (url, status)
        for status in ("400", "401", "404", "406", "429"):
            assert list(operation["responses"][status]["content"]) == ["application/problem+json"], (url, status)
        assert "Period-Status" in operation["responses"]["200"]["headers"]
    assert {"page", "page_size"} <= {p["name"] for p in schema["paths"][ENDPOINTS[0]]["get"]["parameters"]}
