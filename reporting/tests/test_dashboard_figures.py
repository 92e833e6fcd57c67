"""The figures on the team dashboard and the organisation overview are the figures of
the reporting table (IndicatorRow), shown as stored, for the chosen team and quarter."""

import datetime as dt
import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import as_user
from reporting.compute import compute_periods
from reporting.dashboards.common import KPI_KEYS, MEASURES, ORGANISATION_KEYS, format_number
from reporting.factories import dossier, measurement, referral
from reporting.models import IndicatorRow
from tests.html import plain

D = dt.date
Q3 = "2026-Q3"  # 2026-07-01 .. 2026-09-30
Q2 = "2026-Q2"


def populate(team_a, team_b):
    """A small quarter for two teams (plus a dossier in the quarter before), computed."""
    d1 = dossier(team_a, D(2026, 7, 1), first_contact_on=D(2026, 7, 3), first_contact_location="thuis",
                 support_started_on=D(2026, 7, 10), closed_on=D(2026, 8, 20), closure_reason="volgens_plan",
                 can_continue_independently="ja", client_rating=8)
    measurement(d1, "nulmeting", D(2026, 7, 5), {"financien": 2, "huisvesting": 4})
    measurement(d1, "eindmeting", D(2026, 8, 15), {"financien": 4, "huisvesting": 4})
    referral(d1, "begeleiding-individueel", "aanbieder-1", decided_on=D(2026, 7, 20), starts_on=D(2026, 8, 1))
    dossier(team_a, D(2026, 7, 6), first_contact_on=D(2026, 7, 20), closed_on=D(2026, 9, 1),
            closure_reason="eenzijdig_client", can_continue_independently="nee")  # no rating, no support start
    dossier(team_a, D(2026, 4, 1), support_started_on=D(2026, 4, 15))  # open, no nulmeting
    dossier(team_a, D(2026, 8, 3), first_contact_on=D(2026, 8, 5))  # waiting
    dossier(team_a, D(2026, 4, 10), support_started_on=D(2026, 4, 20), closed_on=D(2026, 6, 1),
            closure_reason="volgens_plan", client_rating=9)  # closed in Q2
    e1 = dossier(team_b, D(2026, 7, 2), first_contact_on=D(2026, 7, 6), support_started_on=D(2026, 7, 8),
                 closed_on=D(2026, 9, 10), closure_reason="volgens_plan", can_continue_independently="ja",
                 client_rating=6)
    measurement(e1, "nulmeting", D(2026, 7, 3), {"financien": 4})
    measurement(e1, "eindmeting", D(2026, 9, 1), {"financien": 5})
    e2 = dossier(team_b, D(2026, 5, 1), support_started_on=D(2026, 5, 10))
    measurement(e2, "nulmeting", D(2026, 5, 5), {"financien": 1, "huisvesting": 2})
    compute_periods([Q2, Q3])


def stored(period, team, indicator, dimension=""):
    return IndicatorRow.objects.get(period=period, team=team, indicator=indicator, dimension=dimension)


def shown(value, decimals=0, unit=""):
    with translation.override("nl"):
        return format_number(value, decimals, unit)


def kpi_values(content: str) -> dict[str, str]:
    """indicator -> the big figure of its KPI tile."""
    found = re.findall(r'<div class="kpi" data-indicator="([a-z0-9_]+)">\s*<span class="value">([^<]*)</span>', content)
    return {indicator: html.unescape(value) for indicator, value in found}


def row_cells(content: str, attribute: str, key: str) -> list[str]:
    match = re.search(rf'<tr[^>]* {attribute}="{re.escape(key)}"[^>]*>(.*?)</tr>', content, re.S)
    assert match, f"no row {attribute}={key}"
    return [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", match.group(1), re.S)]


@pytest.fixture
def computed(team_a, team_b):
    populate(team_a, team_b)


def test_kpis_equal_the_reporting_table(client, coach_a, team_a, computed):
    response = as_user(client, coach_a).get(reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3})
    assert response.status_code == 200
    content = plain(response.content)
    kpis = kpi_values(content)
    assert set(kpis) == {MEASURES[key].indicator for key in KPI_KEYS}
    for key in KPI_KEYS:
        measure = MEASURES[key]
        row = stored(Q3, team_a, measure.indicator)
        assert kpis[measure.indicator] == shown(row.value, measure.decimals, measure.unit), measure.indicator
    # A few spelled out, so a formatting mistake cannot hide behind the same formatter.
    assert kpis["dossiers_registered"] == "3"
    assert kpis["dossiers_closed"] == "2"
    assert kpis["closed_according_to_plan_pct"] == "50,0%"
    assert kpis["client_rating_mean"] == "8,0"
    # The municipality's figure next to it (pooled over all teams).
    all_plan = stored(Q3, None, "closed_according_to_plan_pct")
    assert f"Gemeente: {shown(all_plan.value, 1, '%')}" in content


def test_norm_is_stated_with_text_not_colour_alone(client, coach_a, team_a, computed):
    content = plain(as_user(client, coach_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content)
    pct = stored(Q3, team_a, "first_contact_within_5_working_days_pct").value
    expected = "voldoet aan de norm van 80%" if pct >= 80 else "onder de norm van 80%"
    assert expected in content
    assert "Norm: ten minste 80%" in content


def test_trend_table_shows_the_previous_quarters(client, coach_a, team_a, computed):
    content = plain(as_user(client, coach_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content)
    cells = row_cells(content, "data-key", "closed")
    # label, then Q3 2025 .. Q2 2026 and Q3 2026; only Q2 and Q3 are computed
    assert cells[0] == "Uitstroom"
    assert cells[1:4] == ["–", "–", "–"]
    assert cells[4] == shown(stored(Q2, team_a, "dossiers_closed").value)
    assert cells[5] == shown(stored(Q3, team_a, "dossiers_closed").value)
    assert "Q2 2026" in content
    assert "(niet berekend)" in content


def test_monthly_flow_closure_rating_and_referrals(client, coach_a, team_a, computed):
    content = plain(as_user(client, coach_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content)
    assert "juli 2026" in content and "september 2026" in content
    reasons = row_cells(content, "data-key", "volgens_plan")
    assert reasons[1] == shown(stored(Q3, team_a, "closure_reason", "volgens_plan").count)
    rating = row_cells(content, "data-key", "8")
    assert rating[1] == shown(stored(Q3, team_a, "client_rating", "8").count)
    referrals = row_cells(content, "data-key", "begeleiding")
    assert referrals[1] == shown(stored(Q3, team_a, "referrals_granted", "category:begeleiding").count)
    # Chart data for the static script, no inline script.
    assert '<script id="dashboard-charts" type="application/json">' in content
    assert "vendor/chart.js/chart.umd.min.js" in content
    assert "<script>" not in content and "style=" not in content


def test_zrm_table_against_the_municipality(client, coach_a, team_a, computed):
    content = plain(as_user(client, coach_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content)
    cells = row_cells(content, "data-key", "financien")
    team_low = stored(Q3, team_a, "zrm_baseline_insufficient_pct", "financien")
    all_low = stored(Q3, None, "zrm_baseline_insufficient_pct", "financien")
    assert cells[0] == "Financiën (Inkomen)"
    assert cells[1].startswith(shown(team_low.value, 1, "%"))
    assert cells[2] == shown(all_low.value, 1, "%")
    # Team A: 1 of 1 onvoldoende (100%), municipality 2 of 3: more than 5 points worse, marked in words too.
    row = re.search(r'<tr data-key="financien">(.*?)</tr>', content, re.S).group(1)
    assert 'class="num cell-worse"' in row
    assert "hoger dan de gemeente, ongunstig" in row
    change = stored(Q3, team_a, "zrm_change_mean", "financien")
    assert cells[3].startswith(shown(change.value, 2))


def test_data_quality_figures_with_links_for_members(client, generalist_a, team_a, computed):
    content = plain(as_user(client, generalist_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content)
    for indicator in ("missing_rating_pct", "missing_support_start_pct", "missing_baseline_pct"):
        cells = row_cells(content, "data-indicator", indicator)
        assert cells[1] == shown(stored(Q3, team_a, indicator).value, 1, "%")
    assert reverse("reporting:quality_list", args=[team_a.code, "zonder-rapportcijfer"]) + "?period=2026-Q3" in content
    assert reverse("cases:waiting_list", args=[team_a.code]) in content


def test_waiting_list_now_is_the_current_quarter(client, coach_a, team_a):
    from django.utils import timezone

    from reporting.periods import Period

    current = Period.quarter_of(timezone.localdate())
    dossier(team_a, current.start)  # waiting
    dossier(team_a, current.start, support_started_on=current.start)
    compute_periods([current])
    content = plain(as_user(client, coach_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content)
    now = stored(current.code, team_a, "waiting_list")
    assert re.search(rf'data-indicator="waiting_list_now">{shown(now.value)}</span>', content)
    assert now.value == 1
    assert "Deze periode is nog niet berekend" in content  # Q3 itself was not computed here


def test_organisation_overview_equals_the_table(client, beleid, team_a, team_b, computed):
    content = plain(as_user(client, beleid).get(reverse("reporting:organisation"), {"period": Q3}).content)
    for team in (team_a, team_b, None):
        cells = row_cells(content, "data-team", team.code if team else "")
        assert cells[0] == (team.name if team else "Gemeente (alle teams)")
        for key, text in zip(ORGANISATION_KEYS, cells[1:], strict=True):
            measure = MEASURES[key]
            row = stored(Q3, team, measure.indicator)
            assert text == shown(row.value, measure.decimals, measure.unit), (team, key)


def test_organisation_overview_sorts_without_javascript(client, beleid, team_a, team_b, computed):
    url = reverse("reporting:organisation")
    content = plain(as_user(client, beleid).get(url, {"period": Q3, "sort": "registered", "order": "desc"}).content)
    order = re.findall(r'<tr data-team="([a-z0-9-]+)">', content)
    assert order == ["team-a", "team-b"]  # 3 registrations before 1
    assert 'data-sort-key="registered" class="num" data-num aria-sort="descending"' in content
    content = plain(client.get(url, {"period": Q3, "sort": "registered"}).content)
    assert re.findall(r'<tr data-team="([a-z0-9-]+)">', content) == ["team-b", "team-a"]
    # The municipality row stays last, whatever the order.
    assert content.index('data-team="team-a"') < content.index('<tr class="total" data-team="">')
