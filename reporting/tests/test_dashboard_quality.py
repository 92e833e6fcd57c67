"""Data-quality (registratiediscipline) dossier lists: the dossiers behind each
percentage, for the team's members only, and every view is in the access log."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from cases.models import AccessLogEntry
from conftest import as_user
from reporting.compute import compute_periods
from reporting.dashboards.common import QUALITY_KINDS
from reporting.factories import dossier, measurement
from reporting.models import IndicatorRow
from reporting.tests.test_dashboard_figures import Q3, D
from tests.html import plain


@pytest.fixture
def dossiers(team_a, team_b):
    made = {
        "rated": dossier(team_a, D(2026, 7, 1), support_started_on=D(2026, 7, 2), closed_on=D(2026, 8, 1),
                         client_rating=7),
        "no_rating": dossier(team_a, D(2026, 7, 1), support_started_on=D(2026, 7, 2), closed_on=D(2026, 8, 2)),
        "no_start": dossier(team_a, D(2026, 7, 1), closed_on=D(2026, 9, 30), client_rating=9),
        "old_no_baseline": dossier(team_a, D(2026, 5, 1), support_started_on=D(2026, 5, 2)),
        "old_with_baseline": dossier(team_a, D(2026, 5, 1), support_started_on=D(2026, 5, 2)),
        "recent": dossier(team_a, D(2026, 9, 1)),  # registered within 42 days of the end: not yet due
        "closed_before": dossier(team_a, D(2026, 3, 1), closed_on=D(2026, 6, 30)),  # not active in Q3
        "other_team": dossier(team_b, D(2026, 7, 1), closed_on=D(2026, 8, 1)),
    }
    measurement(made["old_with_baseline"], "nulmeting", D(2026, 5, 10), {"financien": 3})
    compute_periods([Q3])
    return made


def listed(content: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'<a href="/dossiers/(\d+)">', content)}


@pytest.mark.parametrize(("kind", "indicator", "expected"), [
    ("zonder-rapportcijfer", "missing_rating_pct", {"no_rating"}),
    ("zonder-startdatum", "missing_support_start_pct", {"no_start"}),
    ("zonder-nulmeting", "missing_baseline_pct", {"old_no_baseline", "no_rating", "rated", "no_start"}),
])
def test_lists_hold_the_dossiers_behind_the_percentage(client, generalist_a, team_a, dossiers, kind, indicator,
                                                       expected):
    response = as_user(client, generalist_a).get(
        reverse("reporting:quality_list", args=[team_a.code, kind]), {"period": Q3})
    assert response.status_code == 200
    content = plain(response.content)
    assert listed(content) == {dossiers[name].pk for name in expected}
    row = IndicatorRow.objects.get(period=Q3, team=team_a, indicator=indicator)
    assert round(row.value * row.count / 100) == len(expected)
    # Household names are shown: personal data, so every person listed is logged.
    entries = list(AccessLogEntry.objects.all())
    assert {e.dossier_id for e in entries} == {dossiers[name].pk for name in expected}
    assert all(e.client_id for e in entries)
    entry = entries[0]
    assert entry.user == generalist_a and entry.action == "view"
    # In Dutch: the list by its title, the team by its name (defect 11: no slugs or codes)
    with translation.override("nl"):
        title = str(QUALITY_KINDS[kind].title)
    assert entry.detail == f'datakwaliteitslijst "{title}", {team_a.name}, {Q3}'
    assert dossiers["other_team"].pk not in listed(content)


def test_dashboard_links_to_the_lists_with_the_numbers(client, coach_a, team_a, dossiers):
    content = plain(as_user(client, coach_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content)
    url = reverse("reporting:quality_list", args=[team_a.code, "zonder-rapportcijfer"])
    assert f'{url}?period={Q3}">Bekijk het dossier' in content
    url = reverse("reporting:quality_list", args=[team_a.code, "zonder-nulmeting"])
    assert f'{url}?period={Q3}">Bekijk de 4 dossiers' in content
    assert "1 van 3" in content  # one of the three closed dossiers has no rating


def test_empty_list_says_so(client, generalist_a, team_a):
    content = plain(as_user(client, generalist_a).get(
        reverse("reporting:quality_list", args=[team_a.code, "zonder-startdatum"]), {"period": Q3}).content)
    assert "Geen dossiers" in content
