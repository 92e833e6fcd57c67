"""The municipality's API serves aggregated figures only: no endpoint, field or schema
element carries personal data."""

import json

from cases.factories import household
from reporting.compute import compute_periods
from reporting.tests.api_helpers import auth

PERSONAL = ("bsn", "birth_date", "given_name", "family_name", "postcode", "client", "dossier", "ref", "address")


def test_openapi_document_lists_only_indicator_endpoints(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert sorted(schema["paths"]) == ["/api/v1/indicators", "/api/v1/indicators.csv", "/api/v1/indicators.xlsx",
                                       "/api/v1/revisions", "/api/v1/signals"]
    # the signal hub's endpoint (frontdoor) only takes signals in: nothing about a person comes out
    assert set(schema["paths"]["/api/v1/signals"]) == {"post"}
    assert "tokenAuth" in schema["components"]["securitySchemes"]
    properties = schema["components"]["schemas"]["IndicatorRow"]["properties"]
    assert set(properties) == {"period", "team", "indicator", "dimension", "value", "count", "computed_at",
                               "version", "frozen_at"}  # the last two only with version=frozen|<n>
    revision = schema["components"]["schemas"]["Revision"]["properties"]
    assert set(revision) == {"team", "indicator", "dimension", "frozen_value", "current_value", "frozen_count",
                             "current_count"}


def test_real_figures_contain_no_personal_values(client, api_token, team_a):
    dossier = household(team_a, members=2, registered_on="2019-04-10")
    compute_periods(["2019-Q2"])
    body = client.get("/api/v1/indicators", {"period": "2019-Q2", "page_size": 1000}, **auth(api_token)).content
    text = body.decode()
    for member in dossier.members.select_related("client"):
        for value in (member.client.bsn, member.client.family_name, member.client.ref, member.client.postcode):
            assert value and value not in text
    assert dossier.ref not in text
    for row in json.loads(text)["results"]:
        assert not set(row) & set(PERSONAL)
