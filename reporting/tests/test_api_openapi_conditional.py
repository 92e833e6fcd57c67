"""The OpenAPI document tells a client how to ask for a page again cheaply: the list sends
an ETag, takes If-None-Match and may answer 304 (reporting/api/pages.py)."""

import json


def test_indicator_list_documents_etag_and_not_modified(client, db):
    response = client.get("/api/v1/openapi.json")
    operation = json.loads(response.content)["paths"]["/api/v1/indicators"]["get"]
    request_headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
    assert "If-None-Match" in request_headers
    assert "ETag" in operation["responses"]["200"]["headers"]
    assert "ETag" in operation["responses"]["304"]["headers"]
    assert "content" not in operation["responses"]["304"]
