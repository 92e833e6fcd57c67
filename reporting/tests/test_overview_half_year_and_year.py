"""The organisation overview shows a half-year and a year as well as a quarter: its figures
are the stored rows of that period, the period picker names them in Dutch ("2026 eerste
helft") grouped by kind, previous/next stay within the kind, the downloads and the
recompute button take the same periods; a month is not an overview period."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from conftest import as_user
from reporting.dashboards.common import MEASURES, ORGANISATION_KEYS, format_number
from reporting.dashboards.overview_periods import choice_periods, period_label
from reporting.models import IndicatorRow, PeriodComputation
from reporting.periods import Period
from reporting.tests.v2_dashboard_data import H1, YEAR, D, populate
from tests.html import plain


@pytest.fixture
def computed(team_a, team_b):
    populate(team_a, team_b)


def overview(client, user, period):
    response = as_user(client, user).get(reverse("reporting:organisation"), {"period": period})
    assert response.status_code == 200
    return plain(response.content)


def team_row(content, code):
    match = re.search(rf'<tr[^>]* data-team="{code}"[^>]*>(.*?)</tr>', content, re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", match.group(1),
                                                                         re.S)]


@pytest.mark.parametrize(("period", "label"), [(H1, "2026 eerste helft"), (YEAR, "2026")])
def test_overview_of_a_half_year_and_a_year(client, beleid, team_a, team_b, computed, period, label):
    content = overview(client, beleid, period)
    assert f'<span class="period-label">{label}</span>' in content
    for team in (team_a, team_b, None):
        cells = team_row(content, team.code if team else "")
        for key, text in zip(ORGANISATION_KEYS, cells[1:], strict=True):
            measure = MEASURES[key]
            stored = IndicatorRow.objects.get(period=period, team=team, indicator=measure.indicator, dimension="")
            assert text == format_number(stored.value, measure.decimals, measure.unit), (team, key)
    # the year's figures are the year's, not a quarter's: 5 dossiers registered in 2026 (3 of team A, 2 of team B)
    if period == YEAR:
        assert IndicatorRow.objects.get(period=YEAR, team=None, indicator="dossiers_registered").count == 5
    # a team's dashboard (quarters only) opens on the period's last quarter
    assert f'/teams/{team_a.code}/dashboard?period={Period.quarter_of(Period.parse(period).end).code}"' in content


def test_period_picker_in_dutch(client, beleid, team_a, team_b, computed):
    content = overview(client, beleid, H1)
    assert '<optgroup label="Kwartalen">' in content and '<optgroup label="Halfjaren">' in content
    assert '<optgroup label="Jaren">' in content
    assert '<option value="2026-H1" selected>2026 eerste helft</option>' in content
    assert '<option value="2025-H2">2025 tweede helft (niet berekend)</option>' in content
    assert '<option value="2026">2026</option>' in content
    assert '<option value="2026-Q3">Q3 2026</option>' in content
    assert 'href="?period=2025-H2" rel="prev"' in content and "vorige (2025 tweede helft)" in content
    assert 'href="?period=2026-H2" rel="next"' in content and "volgende (2026 tweede helft)" in content
    year = overview(client, beleid, YEAR)
    assert 'href="?period=2025" rel="prev"' in year and 'rel="next"' not in year  # 2027 is after today
    assert "Berekent 2026 opnieuw voor alle teams." in year


def test_choices_per_kind():
    kinds = choice_periods(Period.parse("2019-H1"), D(2026, 12, 2))
    assert [p.code for p in kinds["half_year"]] == ["2026-H2", "2026-H1", "2025-H2", "2025-H1", "2024-H2",
                                                   "2024-H1", "2019-H1"]
    assert [p.code for p in kinds["year"]] == ["2026", "2025", "2024"]
    assert len(kinds["quarter"]) == 12 and kinds["quarter"][0].code == "2026-Q4"
    assert [period_label(Period.parse(c)) for c in ("2019-H1", "2019-H2", "2019", "2019-Q2")] == [
        "2019 eerste helft", "2019 tweede helft", "2019", "Q2 2019"]


@pytest.mark.parametrize("name", ["organisation_xlsx", "organisation_csv", "organisation_figures_csv"])
def test_downloads_of_a_half_year(client, beleid, team_a, team_b, computed, name):
    response = as_user(client, beleid).get(reverse(f"reporting:{name}"), {"period": H1})
    assert response.status_code == 200
    assert f"-{H1}." in response["Content-Disposition"]


def test_not_computed_half_year_has_no_download(client, beleid, computed):
    response = as_user(client, beleid).get(reverse("reporting:organisation_csv"), {"period": "2025-H1"})
    assert response.status_code == 404


@pytest.mark.parametrize("period", ["2026-04", "2026-H3", "nonsense"])
def test_a_month_or_nonsense_is_no_overview_period(client, beleid, db, period):
    response = as_user(client, beleid).get(reverse("reporting:organisation"), {"period": period})
    assert response.status_code == 400


def test_recompute_a_half_year(client, coach_a, team_a, db, django_capture_on_commit_callbacks):
    as_user(client, coach_a)
    with django_capture_on_commit_callbacks(execute=True):  # the computation is queued on commit
        response = client.post(reverse("reporting:recompute"), {
            "period": "2025-H2", "next": reverse("reporting:organisation") + "?period=2025-H2"})
    assert response.status_code == 302 and response.url == "/cijfers/organisatie?period=2025-H2"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "De herberekening van 2025 tweede helft is gestart."]
    assert list(PeriodComputation.objects.values_list("period", flat=True)) == ["2025-H2"]  # no quarters or months
    assert PeriodComputation.objects.get().computed_at is not None
