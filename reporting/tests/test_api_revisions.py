"""GET /api/v1/revisions?period=.. (api.md, Additions v2): every (team, indicator,
dimension) whose current value differs from the latest frozen version, or exists on one
side only; a change of count alone is not a revision, a null against a number is."""

import pytest

from reporting.freezing import freeze_period
from reporting.models import IndicatorRow
from reporting.tests.api_helpers import auth
from reporting.tests.frozen_helpers import computed_rows

URL = "/api/v1/revisions"
FIELDS = {"team", "indicator", "dimension", "frozen_value", "current_value", "frozen_count", "current_count"}


def current(team, indicator):
    return IndicatorRow.objects.filter(period="2019-Q2", team=team, indicator=indicator)


@pytest.fixture
def revised(team_a, team_b):
    """Rows 0..5 (all teams, team-a, team-b × registered, waiting), frozen, then changed."""
    computed_rows("2019-Q2", [team_a, team_b])
    freeze_period("2019-Q2")  # version 1: superseded by version 2 below
    current(team_b, "dossiers_registered").update(value=40.0)
    freeze_period("2019-Q2")
    current(team_a, "dossiers_registered").update(value=2.5)  # value changed
    current(team_a, "waiting_days_mean").update(count=30)  # count alone: no revision
    current(None, "waiting_days_mean").update(value=1.25)  # null → number
    current(team_b, "waiting_days_mean").update(value=None)  # number → null
    current(team_b, "dossiers_registered").update(value=40.0, count=8)  # same as version 2: no revision
    IndicatorRow.objects.filter(period="2019-Q2", team=None, indicator="dossiers_registered").delete()  # frozen only
    IndicatorRow.objects.create(period="2019-Q2", team=team_a, indicator="waiting_days_mean", dimension="x",
                                value=None, count=0)  # new


def test_revisions_exact(client, api_token, revised):
    response = client.get(URL, {"period": "2019-Q2"}, **auth(api_token))
    assert response.status_code == 200
    body = response.json()
    assert body["next"] is None and body["previous"] is None
    assert body["results"] == [
        {"team": None, "indicator": "dossiers_registered", "dimension": "", "frozen_value": 0.0,
         "current_value": None, "frozen_count": 0, "current_count": None},
        {"team": None, "indicator": "waiting_days_mean", "dimension": "", "frozen_value": None,
         "current_value": 1.25, "frozen_count": 1, "current_count": 1},
        {"team": "team-a", "indicator": "dossiers_registered", "dimension": "", "frozen_value": 2.0,
         "current_value": 2.5, "frozen_count": 2, "current_count": 2},
        {"team": "team-a", "indicator": "waiting_days_mean", "dimension": "x", "frozen_value": None,
         "current_value": None, "frozen_count": None, "current_count": 0},
        {"team": "team-b", "indicator": "waiting_days_mean", "dimension": "", "frozen_value": 5.0,
         "current_value": None, "frozen_count": 5, "current_count": 5},
    ]
    assert body["count"] == 5 and set(body["results"][0]) == FIELDS


def test_no_revisions_right_after_freezing(client, api_token, team_a):
    computed_rows("2019-Q2", [team_a])
    freeze_period("2019-Q2")
    body = client.get(URL, {"period": "2019-04"}, **auth(api_token)).json()
    assert body == {"count": 0, "next": None, "previous": None, "results": []}, "a month is frozen with its quarter"


def test_pages(client, api_token, revised):
    first = client.get(URL, {"period": "2019-Q2", "page_size": 2}, **auth(api_token)).json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["next"]
    third = client.get(URL, {"period": "2019-Q2", "page_size": 2, "page": 3}, **auth(api_token)).json()
    assert [r["team"] for r in third["results"]] == ["team-b"] and third["next"] is None


def test_without_a_frozen_version_404_problem_json(client, api_token, team_a):
    computed_rows("2019-Q3", [team_a])
    response = client.get(URL, {"period": "2019-Q3"}, **auth(api_token))
    assert response.status_code == 404 and response["Content-Type"].startswith("application/problem+json")
    assert response.json()["status"] == 404


@pytest.mark.parametrize("params", [{}, {"period": "2019-Q5"}, {"period": ""}])
def test_period_required_and_valid(client, api_token, db, params):
    response = client.get(URL, params, **auth(api_token))
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalid_params"]] == ["period"]


def test_only_machine_clients(client, beleid, team_a):
    from conftest import as_user

    assert client.get(URL, {"period": "2019-Q2"}).status_code == 401
    as_user(client, beleid)
    assert client.get(URL, {"period": "2019-Q2"}).status_code in (401, 403)
