"""Every CSV/xlsx a person opens in a spreadsheet: text never starts like a formula."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cases.factories import ClientFactory, TeamFactory
from cases.models import AccessLogEntry
from cases.spreadsheet import safe_cell
from conftest import as_user
from reporting.tests.api_helpers import auth, stored_rows

FORMULA = "=cmd|' /C calc'!A0"


@pytest.mark.parametrize("text", [FORMULA, "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "  =1"])
def test_formula_prefixes_get_an_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Buurtteam Oost", "", "e=mc2", 5, -3, 1.5, None])
def test_other_values_pass_unchanged(value):
    assert safe_cell(value) == value


def test_access_log_csv_neutralises_formulas(client, beheer, generalist_a):
    person = ClientFactory()
    AccessLogEntry.objects.create(user=generalist_a, action="view", client=person, detail=FORMULA, path="@x")
    response = as_user(client, beheer).get(reverse("cases:access_log_export", args=[person.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    first = rows[1]
    assert first[-1] == "'" + FORMULA and first[-2] == "'@x"
    assert not any(cell[:1] in "=+-@" for row in rows for cell in row if cell)


def test_api_csv_and_xlsx_neutralise_formulas(client, api_token, db):
    team = TeamFactory(code="team-f")
    stored_rows("2019-Q2", [team], dimensions=(FORMULA,))
    params = {"period": "2019-Q2"}
    text = client.get("/api/v1/indicators.csv", params, **auth(api_token)).content.decode()
    dimensions = [row[3] for row in list(csv.reader(io.StringIO(text)))[1:]]
    assert dimensions and set(dimensions) == {"'" + FORMULA}
    content = client.get("/api/v1/indicators.xlsx", params, **auth(api_token)).content
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [row[3] for row in sheet.iter_rows(min_row=2)]
    assert {c.value for c in cells} == {"'" + FORMULA} and {c.data_type for c in cells} == {"s"}
