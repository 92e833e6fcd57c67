"""The team dashboard's "Clients and duration" section: gender and age band of the clients
of the team's active dossiers, and the closed dossiers by duration band with the mean
duration, each as the stored rows (team number and share, municipality share)."""

import re

import pytest

from reporting.dashboards.common import format_number
from reporting.models import IndicatorRow
from reporting.tests.v2_dashboard_data import Q3, populate
from reporting.tests.v2_pages import table_rows, team_page


@pytest.fixture
def computed(team_a, team_b):
    populate(team_a, team_b)


def stored(indicator, team):
    return {r.dimension: r.count for r in IndicatorRow.objects.filter(period=Q3, team=team, indicator=indicator)}


def pct(value):
    return format_number(value, 1, "%")


def expected_cells(indicator, team, keys):
    """[number, team share, municipality share] per key, from the stored rows."""
    mine, everyone = stored(indicator, team), stored(indicator, None)
    total, total_all = sum(mine.values()), sum(everyone.values())
    return {key: [str(mine.get(key, 0)), pct(100 * mine.get(key, 0) / total),
                  pct(100 * everyone.get(key, 0) / total_all)] for key in keys}


@pytest.mark.parametrize(("caption", "indicator", "keys", "hand"), [
    ("gender-caption", "clients_active_gender", ["m", "v", "x", "onbekend"], {
        "m": ["man", "2", "40,0%", "28,6%"], "v": ["vrouw", "2", "40,0%", "57,1%"],
        "x": ["anders", "1", "20,0%", "14,3%"], "onbekend": ["onbekend", "0", "0,0%", "0,0%"],
    }),
    ("age-caption", "clients_active_age_band", ["0-17", "18-29", "30-39", "40-59", "60-74", "75+", "onbekend"], {
        "0-17": ["0–17 jaar", "1", "20,0%", "14,3%"], "18-29": ["18–29 jaar", "0", "0,0%", "14,3%"],
        "30-39": ["30–39 jaar", "1", "20,0%", "28,6%"], "40-59": ["40–59 jaar", "1", "20,0%", "14,3%"],
        "60-74": ["60–74 jaar", "0", "0,0%", "0,0%"], "75+": ["75+ jaar", "1", "20,0%", "14,3%"],
        "onbekend": ["onbekend", "1", "20,0%", "14,3%"],
    }),
    ("duration-caption", "closed_duration_band", ["kort", "midden", "lang"], {
        "kort": ["kort (tot en met 3 maanden)", "2", "50,0%", "60,0%"],
        "midden": ["midden (4 tot en met 12 maanden)", "1", "25,0%", "20,0%"],
        "lang": ["lang (meer dan 12 maanden)", "1", "25,0%", "20,0%"],
    }),
])
def test_tables_are_the_stored_rows(client, coach_a, team_a, computed, caption, indicator, keys, hand):
    rows = table_rows(team_page(client, coach_a, team_a, Q3), caption)
    assert list(rows) == keys
    expected = expected_cells(indicator, team_a, keys)
    assert {key: cells[1:] for key, cells in rows.items()} == expected
    assert rows == hand


def test_mean_duration_and_number_of_clients(client, coach_a, team_a, computed):
    content = team_page(client, coach_a, team_a, Q3)
    mean = IndicatorRow.objects.get(period=Q3, team=team_a, indicator="closed_duration_days_mean")
    mean_all = IndicatorRow.objects.get(period=Q3, team=None, indicator="closed_duration_days_mean")
    assert (mean.value, mean.count, mean_all.value, mean_all.count) == (961 / 4, 4, 1031 / 5, 5)
    text = re.search(r'data-indicator="closed_duration_days_mean">([^<]*)<', content).group(1)
    assert text == (f"4 dossiers afgesloten in dit kwartaal, gemiddeld {format_number(mean.value)} dagen na de "
                    f"aanmelding (gemeente: {format_number(mean_all.value)} dagen).")
    assert "240 dagen" in text and "206 dagen" in text
    clients = IndicatorRow.objects.get(period=Q3, team=team_a, indicator="clients_active").count
    assert clients == 5
    assert "5 cliënten in de lopende dossiers van dit kwartaal" in content


def test_every_chart_has_its_table(client, coach_a, team_a, computed):
    content = team_page(client, coach_a, team_a, Q3)
    for key, caption in (("gender", "gender-caption"), ("age", "age-caption"), ("duration", "duration-caption")):
        chart = content.index(f'data-chart="{key}"')
        assert 'role="img"' in content[chart:chart + 300]
        assert content.index(f'id="{caption}"') > chart  # the table follows its chart, in the same pair
