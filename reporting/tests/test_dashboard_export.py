"""The organisation overview as Excel and CSV: the same rows (teams, then the
municipality), the figures of the reporting table, no personal data."""

import csv
import io
import math

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cases.factories import TeamFactory
from cases.models import Client, Team
from conftest import as_user
from reporting.dashboards.common import MEASURES, ORGANISATION_KEYS
from reporting.models import IndicatorRow
from reporting.tests.test_dashboard_figures import Q3, populate

HEADER = ["Team", "Teamcode", "Instroom", "Lopend", "Uitstroom", "Cliënten", "Wachtlijst", "Gem. wachttijd (dagen)",
          "Gem. wachttijd (werkdagen)", "Eerste contact binnen 5 werkdagen (%)", "Afgesloten volgens plan (%)",
          "Kan zelfstandig verder (%)", "Gem. rapportcijfer", "Toegekende verwijzingen", "Zelfmelders (%)",
          "Vastgesteld"]


@pytest.fixture
def computed(team_a, team_b):
    TeamFactory(code="formule", name="=HYPERLINK(\"http://example.org\")")
    populate(team_a, team_b)


def expected_rows():
    return [*Team.objects.order_by("name", "pk"), None]


def value(team, key):
    return IndicatorRow.objects.get(period=Q3, team=team, indicator=MEASURES[key].indicator, dimension="").value


def test_excel_download(client, coach_a, team_a, team_b, computed):
    response = as_user(client, coach_a).get(reverse("reporting:organisation_xlsx"), {"period": Q3})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="buurtteams-2026-Q3.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook[Q3]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    teams = expected_rows()
    assert len(rows) == 1 + len(teams)
    for team, row in zip(teams, rows[1:], strict=True):
        expected = team.name if team else "Gemeente (alle teams)"
        assert row[0] == ("'" + expected if expected.startswith("=") else expected)
        assert row[1] == (team.code if team else None)
        assert row[-1] == "nee"  # the period was never frozen
        for key, cell in zip(ORGANISATION_KEYS, row[2:-1], strict=True):
            stored = value(team, key)
            assert (cell is None) if stored is None else math.isclose(cell, stored), (team, key)
    # Text that looks like a formula is stored as neutralised text, never as a formula.
    formula_row = next(r for r in sheet.iter_rows(min_row=2) if "HYPERLINK" in str(r[0].value))
    assert formula_row[0].data_type == "s"
    assert "Berekend op" in [c.value for c in workbook["Toelichting"]["A"]]


def test_csv_download(client, beleid, team_a, team_b, computed):
    response = as_user(client, beleid).get(reverse("reporting:organisation_csv"), {"period": Q3})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="buurtteams-2026-Q3.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADER
    teams = expected_rows()
    assert len(rows) == 1 + len(teams)
    for team, row in zip(teams, rows[1:], strict=True):
        expected = team.name if team else "Gemeente (alle teams)"
        assert row[0] == ("'" + expected if expected.startswith("=") else expected)
        assert row[-1] == "nee"
        for key, text in zip(ORGANISATION_KEYS, row[2:-1], strict=True):
            stored = value(team, key)
            decimals = MEASURES[key].decimals
            # Dutch Excel: ";" between the columns (the reader above) and a decimal comma
            number = "" if stored is None else f"{round(stored, decimals):.{decimals}f}".replace(".", ",")
            assert text == number, (team, key)
    assert next(r for r in rows if "HYPERLINK" in r[0])[0].startswith("'=")


def test_downloads_hold_no_personal_data(client, beleid, team_a, team_b, computed):
    as_user(client, beleid)
    text = client.get(reverse("reporting:organisation_csv"), {"period": Q3}).content.decode("utf-8-sig")
    workbook = load_workbook(io.BytesIO(client.get(reverse("reporting:organisation_xlsx"), {"period": Q3}).content))
    cells = " ".join(str(c) for sheet in workbook for row in sheet.iter_rows(values_only=True) for c in row)
    for person in Client.objects.all():
        for name in (person.family_name, person.bsn):
            assert name not in text and name not in cells
