"""The team dashboard's melder shares (as the quarterly report shows them): per referrer the
team's registrations of the quarter and their share, beside the municipality's share, from
the ``referrer`` and ``dossiers_registered`` rows; registrations without a referrer as
"niet vastgelegd"; self-referrals first."""

import json
import re

import pytest

from reporting.dashboards.common import format_number
from reporting.models import IndicatorRow
from reporting.tests.v2_dashboard_data import Q3, populate
from reporting.tests.v2_pages import table_rows, team_page


@pytest.fixture
def computed(team_a, team_b):
    populate(team_a, team_b)


def pct(value):
    return format_number(value, 1, "%")


def test_melder_shares_are_the_stored_rows(client, coach_a, team_a, computed, settings):
    content = team_page(client, coach_a, team_a, Q3)
    rows = table_rows(content, "referrers-caption")
    registered = IndicatorRow.objects.get(period=Q3, team=team_a, indicator="dossiers_registered").count
    registered_all = IndicatorRow.objects.get(period=Q3, team=None, indicator="dossiers_registered").count
    stored = {r.dimension: r.count for r in IndicatorRow.objects.filter(period=Q3, team=team_a, indicator="referrer")}
    stored_all = {r.dimension: r.count for r in IndicatorRow.objects.filter(period=Q3, team=None, indicator="referrer")}
    assert (registered, registered_all, stored, stored_all) == (
        3, 5, {"zelfmelder": 1, "veilig-thuis": 1}, {"zelfmelder": 2, "veilig-thuis": 2})
    for code in stored_all:
        n = stored.get(code, 0)
        assert rows[code][1:] == [str(n), pct(100 * n / registered), pct(100 * stored_all[code] / registered_all)]
    # self-referral first, then by the team's number; the unrecorded last
    assert list(rows) == ["zelfmelder", "veilig-thuis", "not-recorded"]
    assert rows["zelfmelder"] == ["Zelfmelder", "1", "33,3%", "40,0%"]
    assert rows["veilig-thuis"] == ["Veilig Thuis", "1", "33,3%", "40,0%"]
    assert rows["not-recorded"] == ["niet vastgelegd", "1", "33,3%", "20,0%"]
    assert "3 huishoudens aangemeld in dit kwartaal." in content
    self_referral = IndicatorRow.objects.get(period=Q3, team=team_a, indicator="self_referral_pct").value
    text = re.search(r'data-indicator="self_referral_pct">([^<]*)<', content).group(1)
    assert text == f"Zelfmelders: {pct(self_referral)} van de aanmeldingen (gemeente: 40,0%)."


def test_melder_chart_has_the_table_figures(client, coach_a, team_a, computed):
    content = team_page(client, coach_a, team_a, Q3)
    charts = json.loads(re.search(r'id="dashboard-charts"[^>]*>(.*?)</script>', content, re.S).group(1))
    chart = charts["referrers"]
    assert chart["labels"] == ["Zelfmelder", "Veilig Thuis", "niet vastgelegd"]
    assert [d["data"] for d in chart["datasets"]] == [[100 / 3, 100 / 3, 100 / 3], [40.0, 40.0, 20.0]]
    assert 'data-chart="referrers"' in content
