"""page_size is an integer from 1 (as the OpenAPI document says): anything else is a 400
Problem JSON naming it, on the current rows, a frozen version and the revisions; above
1,000 it is capped. (Schemathesis found ``page_size=false`` answered 200.)"""

import pytest

from reporting.freezing import freeze_period
from reporting.tests.api_helpers import auth
from reporting.tests.frozen_helpers import computed_rows

URLS = [
    ("/api/v1/indicators", {}),
    ("/api/v1/indicators", {"version": "1"}),
    ("/api/v1/revisions", {}),
]


@pytest.fixture
def frozen(team_a):
    computed_rows("2019-Q2", [team_a])
    freeze_period("2019-Q2")


@pytest.mark.parametrize(("url", "extra"), URLS)
@pytest.mark.parametrize("size", ["false", "0", "-1", "1.5", "", "²"])
def test_a_page_size_that_is_no_whole_number_from_1_is_400(client, api_token, frozen, url, extra, size):
    response = client.get(url, {"period": "2019-Q2", "page_size": size, **extra}, **auth(api_token))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalid_params"]] == ["page_size"]


@pytest.mark.parametrize(("url", "extra"), URLS[:2])
def test_a_whole_page_size_chooses_the_rows_per_page(client, api_token, frozen, url, extra):
    body = client.get(url, {"period": "2019-Q2", "page_size": "2", **extra}, **auth(api_token)).json()
    assert len(body["results"]) == 2 and body["count"] == 4


def test_the_document_says_from_1(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/indicators", "/api/v1/revisions"):
        size = next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "page_size")
        assert size["schema"] == {"type": "integer", "minimum": 1}
