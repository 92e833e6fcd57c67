"""The organisation overview's downloads hold every stored figure of the period: the Excel
workbook a sheet "Alle cijfers" and the CSV "alle cijfers", with every indicator row of
every family (the v2 families "Clients and duration" and "ZRM development in detail"
included) per team and for the municipality, exactly as stored; for a quarter, a half-year
and a year."""

import csv
import io
import math

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cases.factories import TeamFactory
from cases.models import Client
from conftest import as_user
from reporting.indicators.catalogue import FAMILIES
from reporting.models import IndicatorRow
from reporting.tests.v2_dashboard_data import H1, Q3, YEAR, populate

HEADER = ["Team", "Teamcode", "Indicator", "Dimensie", "Waarde", "Aantal", "Eenheid", "Vastgesteld"]
V2 = (*FAMILIES["clients_duration"], *FAMILIES["zrm_detail"])


@pytest.fixture
def computed(team_a, team_b):
    TeamFactory(code="formule", name='=HYPERLINK("http://example.org")')
    populate(team_a, team_b)


def stored(period):
    """(team code, indicator, dimension) -> (value, count) of every row of the period."""
    return {(r.team.code if r.team_id else "", r.indicator, r.dimension): (r.value, r.count)
            for r in IndicatorRow.objects.filter(period=period).select_related("team")}


def same(value, expected):
    return (value is None) if expected is None else math.isclose(value, expected, rel_tol=1e-12)


@pytest.mark.parametrize("period", [Q3, H1, YEAR])
def test_csv_has_every_stored_figure(client, beleid, computed, period):
    response = as_user(client, beleid).get(reverse("reporting:organisation_figures_csv"), {"period": period})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="buurtteams-alle-cijfers-{period}.csv"'
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == HEADER
    expected = stored(period)
    found = {}
    for name, code, indicator, dimension, value, count, unit, frozen in lines[1:]:
        assert unit == ("%" if indicator.endswith("_pct") else "") and frozen == "nee"
        number = None if value == "" else float(value.replace(",", "."))
        found[(code.removeprefix("'"), indicator, dimension)] = (number, int(count))
        if not code:
            assert name == "Gemeente (alle teams)"
    assert set(found) == set(expected)
    for key, (value, count) in expected.items():
        assert same(found[key][0], value) and found[key][1] == count, key
    # nothing closed or measured in 2026-H1: of the v2 families only the clients' rows
    present = set(V2) if period != H1 else {"clients_active_gender", "clients_active_age_band"}
    assert present <= {indicator for _code, indicator, _dim in found}
    assert len(lines) - 1 == IndicatorRow.objects.filter(period=period).count()
    assert next(line for line in lines if "HYPERLINK" in line[0])[0].startswith("'=")  # never a formula


def test_excel_has_a_sheet_of_every_stored_figure(client, coach_a, computed):
    response = as_user(client, coach_a).get(reverse("reporting:organisation_xlsx"), {"period": Q3})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [Q3, "Alle cijfers", "Toelichting"]
    sheet = workbook["Alle cijfers"]
    lines = list(sheet.iter_rows(values_only=True))
    assert list(lines[0]) == HEADER
    found = {(code or "", indicator, dimension or ""): (value, count)
             for _n, code, indicator, dimension, value, count, _unit, _frozen in lines[1:]}
    expected = stored(Q3)
    assert set(found) == set(expected) and len(lines) - 1 == len(expected)
    for key, (value, count) in expected.items():
        assert same(found[key][0], value) and found[key][1] == count, key
    assert set(V2) <= {indicator for _code, indicator, _dim in found}
    # the v2 figures the dashboard shows, as stored
    assert found[("", "clients_active_gender", "v")] == (4.0, 4)
    assert found[("", "closed_duration_band", "kort")] == (3.0, 3)
    assert found[("", "zrm_domain_development", "financien:vooruit")] == (2.0, 2)
    formula = next(row for row in sheet.iter_rows(min_row=2) if "HYPERLINK" in str(row[0].value))
    assert formula[0].data_type == "s"


def test_all_figures_hold_no_personal_data(client, beleid, computed):
    as_user(client, beleid)
    text = client.get(reverse("reporting:organisation_figures_csv"), {"period": Q3}).content.decode("utf-8-sig")
    for person in Client.objects.all():
        assert person.family_name not in text and person.bsn not in text


def test_not_computed_period_has_no_download(client, beleid, db):
    response = as_user(client, beleid).get(reverse("reporting:organisation_figures_csv"), {"period": "2019-H1"})
    assert response.status_code == 404


def test_only_organisation_roles_download(client, generalist_a, computed):
    response = as_user(client, generalist_a).get(reverse("reporting:organisation_figures_csv"), {"period": Q3})
    assert response.status_code == 403
