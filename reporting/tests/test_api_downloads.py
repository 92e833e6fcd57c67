"""The same rows as CSV and Excel."""

import csv
import io

from openpyxl import load_workbook

from reporting.tests.api_helpers import auth, stored_rows


def test_csv_and_xlsx_hold_the_same_rows_as_json(client, api_token, team_a):
    stored_rows("2019-Q2", [team_a])
    params = {"period": "2019-Q2"}
    json_rows = client.get("/api/v1/indicators", params, **auth(api_token)).json()["results"]
    expected = [[r["period"], r["team"] or "", r["indicator"], r["dimension"], r["value"], r["count"]]
                for r in json_rows]

    response = client.get("/api/v1/indicators.csv", params, **auth(api_token))
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="indicatoren-2019-Q2.csv"' in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    assert lines[0] == ["period", "team", "indicator", "dimension", "value", "count", "computed_at"]
    assert [[p, t, i, d, float(v) if v else None, int(c)] for p, t, i, d, v, c, _at in lines[1:]] == expected

    response = client.get("/api/v1/indicators.xlsx", params, **auth(api_token))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert [[p, t or "", i, d or "", v, c] for p, t, i, d, v, c, _at in cells[1:]] == expected


def test_downloads_need_a_token_and_a_valid_period(client, api_token):
    assert client.get("/api/v1/indicators.csv", {"period": "2019-Q2"}).status_code == 401
    response = client.get("/api/v1/indicators.xlsx", {"period": "x"}, **auth(api_token))
    assert response.status_code == 400 and response.json()["invalid_params"][0]["name"] == "period"
