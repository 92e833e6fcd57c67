"""The figures' downloads say which figures are percentages and whether they are the frozen
(vastgestelde) figures (issue 27, item 9): the overview's CSV and workbook mark a percentage
column "(%)" and end every row with "Vastgesteld" (ja / nee / gewijzigd na vaststelling); the
all-figures CSV and sheet carry a column "Eenheid" ("%" for a percentage) and "Vastgesteld"
per figure; the workbook's "Toelichting" names the frozen version."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cases.factories import TeamFactory
from conftest import as_user
from reporting.freezing import freeze_period
from reporting.models import IndicatorRow
from reporting.tests.test_dashboard_figures import Q3, populate


@pytest.fixture
def frozen_then_changed(team_a, team_b, beleid):
    """Q3 computed and frozen; afterwards one figure of team B changes."""
    populate(team_a, team_b)
    freeze_period(Q3, beleid)
    IndicatorRow.objects.filter(period=Q3, team=team_b, indicator="dossiers_registered", dimension="").update(value=99)


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_overview_csv_marks_percentages_and_frozen_rows(client, beleid, team_a, team_b, frozen_then_changed):
    rows = _csv(as_user(client, beleid).get(reverse("reporting:organisation_csv"), {"period": Q3}))
    header = rows[0]
    assert header[-1] == "Vastgesteld"
    assert "Eerste contact binnen 5 werkdagen (%)" in header and "Instroom" in header
    assert not any(name.endswith("(%)") for name in header if "wachttijd" in name or name == "Instroom")
    frozen = {row[1]: row[-1] for row in rows[1:]}
    assert frozen[team_a.code] == "ja" and frozen[team_b.code] == "gewijzigd na vaststelling"
    assert frozen[""] == "ja"  # the municipality's row was not touched


def test_the_all_figures_csv_marks_units_and_each_figures_frozen_state(client, beleid, team_a, team_b,
                                                                       frozen_then_changed):
    rows = _csv(as_user(client, beleid).get(reverse("reporting:organisation_figures_csv"), {"period": Q3}))
    assert rows[0][-2:] == ["Eenheid", "Vastgesteld"]
    by_key = {(row[1], row[2], row[3]): row for row in rows[1:]}
    assert by_key[(team_a.code, "first_contact_within_5_working_days_pct", "")][-2:] == ["%", "ja"]
    assert by_key[(team_a.code, "dossiers_registered", "")][-2:] == ["", "ja"]
    assert by_key[(team_b.code, "dossiers_registered", "")][-2:] == ["", "gewijzigd na vaststelling"]
    assert {row[-2] for row in rows[1:] if row[2].endswith("_pct")} == {"%"}
    assert {row[-2] for row in rows[1:] if not row[2].endswith("_pct")} == {""}


def test_the_workbook_names_the_frozen_version(client, beleid, team_a, team_b, frozen_then_changed):
    response = as_user(client, beleid).get(reverse("reporting:organisation_xlsx"), {"period": Q3})
    workbook = load_workbook(io.BytesIO(response.content))
    about = {row[0]: row[1] for row in workbook["Toelichting"].iter_rows(values_only=True)}
    assert about["Vastgesteld"].startswith("ja, versie 1 op ")
    overview = list(workbook[Q3].iter_rows(values_only=True))
    assert overview[0][-1] == "Vastgesteld" and "Zelfmelders (%)" in overview[0]
    figures = list(workbook["Alle cijfers"].iter_rows(values_only=True))
    assert figures[0][-2:] == ("Eenheid", "Vastgesteld")
    assert {row[-1] for row in figures[1:]} == {"ja", "gewijzigd na vaststelling"}


def test_a_period_never_frozen_says_nee(client, beleid, team_a, team_b):
    TeamFactory(code="leeg", name="Leeg team")
    populate(team_a, team_b)
    rows = _csv(as_user(client, beleid).get(reverse("reporting:organisation_figures_csv"), {"period": Q3}))
    assert {row[-1] for row in rows[1:]} == {"nee"}
    response = client.get(reverse("reporting:organisation_xlsx"), {"period": Q3})
    about = {row[0]: row[1] for row in load_workbook(io.BytesIO(response.content))["Toelichting"].iter_rows(
        values_only=True)}
    assert about["Vastgesteld"] == "nee"
