"""GET /api/v1/indicators?period=..&version=frozen|<n> (api.md, Additions v2)."""

import pytest

from reporting.freezing import freeze_period
from reporting.models import IndicatorRow
from reporting.tests.api_helpers import auth
from reporting.tests.frozen_helpers import computed_rows

URL = "/api/v1/indicators"
ROW_FIELDS = {"period", "team", "indicator", "dimension", "value", "count", "computed_at"}


def get(client, token, **params):
    return client.get(URL, params, **auth(token))


@pytest.fixture
def two_versions(team_a, team_b):
    computed_rows("2019-05", [team_a, team_b])
    first = freeze_period("2019-05")[0]
    IndicatorRow.objects.filter(period="2019-05", team=team_a, indicator="dossiers_registered").update(value=99.0)
    second = freeze_period("2019-05")[0]
    IndicatorRow.objects.filter(period="2019-05", team=team_a, indicator="dossiers_registered").update(value=7.0)
    return first, second


def registered_a(body) -> float:
    [row] = [r for r in body["results"] if r["team"] == "team-a" and r["indicator"] == "dossiers_registered"]
    return row["value"]


def test_latest_frozen_version(client, api_token, two_versions):
    _first, second = two_versions
    body = get(client, api_token, period="2019-05", version="frozen").json()
    assert body["count"] == 6 and body["next"] is None
    assert set(body["results"][0]) == ROW_FIELDS | {"version", "frozen_at"}
    assert {r["version"] for r in body["results"]} == {2}
    assert {r["frozen_at"] for r in body["results"]} == {second.frozen_at.astimezone().isoformat()}
    assert body["results"][0]["team"] is None, "all-teams rows first, as without version"
    assert registered_a(body) == 99.0


def test_a_given_version_and_the_current_rows(client, api_token, two_versions):
    assert registered_a(get(client, api_token, period="2019-05", version="1").json()) == 2.0
    assert registered_a(get(client, api_token, period="2019-05", version="2").json()) == 99.0
    current = get(client, api_token, period="2019-05").json()
    assert registered_a(current) == 7.0 and set(current["results"][0]) == ROW_FIELDS


def test_frozen_values_keep_their_nulls_and_computed_at(client, api_token, two_versions):
    frozen = get(client, api_token, period="2019-05", version="1", team="none").json()["results"]
    current = get(client, api_token, period="2019-05", team="none").json()["results"]
    assert [(r["indicator"], r["value"], r["count"], r["computed_at"]) for r in frozen] == [
        (r["indicator"], r["value"], r["count"], r["computed_at"]) for r in current]
    assert None in [r["value"] for r in frozen]


def test_filters_apply_to_a_frozen_version(client, api_token, two_versions):
    assert get(client, api_token, period="2019-05", version="frozen", team="team-b").json()["count"] == 2
    assert get(client, api_token, period="2019-05", version="frozen", team="none").json()["count"] == 2
    assert get(client, api_token, period="2019-05", version="frozen",
               indicator="waiting_days_mean").json()["count"] == 3
    assert get(client, api_token, period="2019-05", version="frozen", dimension="nothing").json()["count"] == 0
    assert len(get(client, api_token, period="2019-05", version="1", page_size=4).json()["results"]) == 4


@pytest.mark.parametrize("version", ["frozen", "1", "3"])
def test_no_such_version_is_404_problem_json(client, api_token, two_versions, version):
    period = "2019-04" if version != "3" else "2019-05"
    response = get(client, api_token, period=period, version=version)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 404 and period in body["detail"]


@pytest.mark.parametrize("version", ["latest", "0", "-1", "", "1.5"])
def test_malformed_version_is_400_naming_it(client, api_token, two_versions, version):
    response = get(client, api_token, period="2019-05", version=version)
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalid_params"]] == ["version"]


def test_period_is_still_validated_first(client, api_token, db):
    response = get(client, api_token, period="2019-Q9", version="frozen")
    assert response.status_code == 400 and response.json()["invalid_params"][0]["name"] == "period"


def test_the_schema_documents_version_and_revisions(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/indicators"]["get"]["parameters"]}
    assert parameters["version"]["schema"]["pattern"] == "^(frozen|[1-9][0-9]{0,8})$"
    row = schema["components"]["schemas"]["IndicatorRow"]
    assert {"version", "frozen_at"} <= set(row["properties"]) and "version" not in row.get("required", [])
    revisions = schema["paths"]["/api/v1/revisions"]["get"]
    assert "404" in revisions["responses"]
    page = revisions["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert set(schema["components"]["schemas"][page]["properties"]) == {"count", "next", "previous", "results"}
