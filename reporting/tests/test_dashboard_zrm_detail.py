"""The team dashboard's ZRM development in detail (the ZRM monitor's figures 2.4-2.9): per
domain forward / the same / back as shares of the units measured twice, and the mean change
by starting step, for the team and the municipality, as the stored rows."""

import json
import re

import pytest

from reporting.compute import compute_periods
from reporting.dashboards.common import format_number
from reporting.models import IndicatorRow
from reporting.tests.v2_dashboard_data import Q3, populate
from reporting.tests.v2_pages import table_rows, team_page
from zrm.models import Domain

DIRECTIONS = ("vooruit", "stabiel", "achteruit")


@pytest.fixture
def computed(team_a, team_b):
    populate(team_a, team_b)


def dims(indicator, team):
    return {r.dimension: r for r in IndicatorRow.objects.filter(period=Q3, team=team, indicator=indicator)}


def label(code):
    return Domain.objects.filter(code=code).values_list("label", flat=True).first()


def test_development_is_the_stored_rows(client, coach_a, team_a, computed):
    rows = table_rows(team_page(client, coach_a, team_a, Q3), "zrm-development-caption")
    team, everyone = dims("zrm_domain_development", team_a), dims("zrm_domain_development", None)
    assert {k: r.count for k, r in team.items()} == {"financien:vooruit": 1, "huisvesting:stabiel": 1}
    assert {k: r.count for k, r in everyone.items()} == {"financien:vooruit": 2, "huisvesting:stabiel": 2}
    assert list(rows) == ["financien", "huisvesting"]
    for domain, cells in rows.items():
        counts = [team[f"{domain}:{d}"].count if f"{domain}:{d}" in team else 0 for d in DIRECTIONS]
        counts_all = [everyone[f"{domain}:{d}"].count if f"{domain}:{d}" in everyone else 0 for d in DIRECTIONS]
        assert cells == [
            label(domain), str(sum(counts)),
            *(f"{format_number(100 * n / sum(counts), 1, '%')} (n={n})" for n in counts),
            *(format_number(100 * n / sum(counts_all), 1, "%") for n in counts_all),
        ]
    assert rows["financien"][1:] == ["1", "100,0% (n=1)", "0,0% (n=0)", "0,0% (n=0)", "100,0%", "0,0%", "0,0%"]
    assert rows["huisvesting"][1:] == ["1", "0,0% (n=0)", "100,0% (n=1)", "0,0% (n=0)", "0,0%", "100,0%", "0,0%"]


@pytest.mark.parametrize(("caption", "team_key", "hand"), [
    ("zrm-by-step-caption", "team", {
        "financien": ["–", "2,00 (n=1)", "–", "–", "–"], "huisvesting": ["–", "–", "–", "0,00 (n=1)", "–"]}),
    ("zrm-by-step-municipality-caption", "municipality", {
        "financien": ["–", "2,00 (n=1)", "–", "1,00 (n=1)", "–"],
        "huisvesting": ["0,00 (n=1)", "–", "–", "0,00 (n=1)", "–"]}),
])
def test_change_by_starting_step_is_the_stored_rows(client, coach_a, team_a, computed, caption, team_key, hand):
    rows = table_rows(team_page(client, coach_a, team_a, Q3), caption)
    found = dims("zrm_change_by_baseline_step", team_a if team_key == "team" else None)
    for domain, cells in rows.items():
        expected = []
        for step in range(1, 6):
            row = found.get(f"{domain}:{step}")
            expected.append(f"{format_number(row.value, 2)} (n={row.count})" if row else "–")
        assert cells == [label(domain), *expected]
    assert {domain: cells[1:] for domain, cells in rows.items()} == hand


def test_charts_hold_the_team_figures(client, coach_a, team_a, computed):
    content = team_page(client, coach_a, team_a, Q3)
    charts = json.loads(re.search(r'id="dashboard-charts"[^>]*>(.*?)</script>', content, re.S).group(1))
    assert [d["data"] for d in charts["zrm_development"]["datasets"]] == [[100.0, 0.0], [0.0, 100.0], [0.0, 0.0]]
    assert [d["data"] for d in charts["zrm_by_step"]["datasets"]] == [
        [None, None], [2.0, None], [None, None], [None, 0.0], [None, None]]
    assert 'data-chart="zrm_development"' in content and 'data-chart="zrm_by_step"' in content


def test_a_quarter_without_measurements_says_so(client, coach_a, team_a, team_b, db):
    compute_periods([Q3])
    content = team_page(client, coach_a, team_a, Q3)
    assert "Geen cliënten met een nulmeting en een latere meting in dit kwartaal." in content
    assert 'data-chart="zrm_development"' not in content
