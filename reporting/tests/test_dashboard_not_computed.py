"""A period that was never computed says so instead of showing zeros; a recomputation
under way is announced, with the last figures still shown."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import as_user
from reporting.compute import compute_periods
from reporting.factories import dossier
from reporting.models import PeriodComputation
from reporting.tests.test_dashboard_figures import Q3, D, kpi_values

NOT_COMPUTED = "Deze periode is nog niet berekend."
PENDING = "De cijfers van deze periode worden herberekend."


def test_team_dashboard_of_a_period_never_computed(client, coach_a, team_a):
    dossier(team_a, D(2026, 7, 1))
    content = as_user(client, coach_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content.decode()
    assert NOT_COMPUTED in content
    assert kpi_values(content) == {}  # no tiles, so no zeros
    assert 'id="dashboard-charts"' not in content
    assert "Berekend op" not in content
    assert "Herberekenen" in content  # a coach may compute it now


def test_generalists_are_told_whom_to_ask(client, generalist_a, team_a):
    content = as_user(client, generalist_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content.decode()
    assert NOT_COMPUTED in content
    assert "Vraag een teamcoach" in content
    assert "Herberekenen" not in content


def test_a_computation_record_without_figures_counts_as_not_computed(client, coach_a, team_a):
    PeriodComputation.objects.create(period=Q3, computed_at=None, duration_ms=0, row_count=0,
                                     requested_at=timezone.now())
    content = as_user(client, coach_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content.decode()
    assert NOT_COMPUTED in content
    assert PENDING in content
    assert 'data-refresh="10"' in content
    assert kpi_values(content) == {}


def test_computed_period_shows_when(client, coach_a, team_a):
    dossier(team_a, D(2026, 7, 1))
    compute_periods([Q3])
    computed_at = PeriodComputation.objects.get(period=Q3).computed_at
    content = as_user(client, coach_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content.decode()
    assert NOT_COMPUTED not in content
    local = timezone.localtime(computed_at)
    assert f"Berekend op {local.day} " in content and f"{local:%H:%M}." in content
    assert PENDING not in content and "data-refresh" not in content
    assert kpi_values(content)["dossiers_registered"] == "1"


def test_pending_recomputation_keeps_the_last_figures(client, coach_a, team_a):
    dossier(team_a, D(2026, 7, 1))
    compute_periods([Q3])
    PeriodComputation.objects.filter(period=Q3).update(requested_at=timezone.now() + dt.timedelta(seconds=1))
    content = as_user(client, coach_a).get(
        reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3}).content.decode()
    assert PENDING in content
    assert 'data-refresh="10"' in content
    assert "Stop automatisch verversen" in content
    assert kpi_values(content)["dossiers_registered"] == "1"


def test_default_period_is_the_current_quarter(client, coach_a, team_a):
    from reporting.dashboards.common import quarter_label
    from reporting.periods import Period

    current = Period.quarter_of(timezone.localdate())
    content = as_user(client, coach_a).get(reverse("reporting:team_dashboard", args=[team_a.code])).content.decode()
    assert f'<option value="{current.code}" selected>' in content
    assert quarter_label(current) in content
    assert 'rel="next"' not in content  # nothing after the current quarter
    assert f'?period={current.previous_quarters(1)[0].code}" rel="prev"' in content


@pytest.mark.parametrize("user", ["beleid", "coach_a"])
def test_organisation_overview_not_computed(client, request, team_a, user):
    as_user(client, request.getfixturevalue(user))
    content = client.get(reverse("reporting:organisation"), {"period": Q3}).content.decode()
    assert NOT_COMPUTED in content
    assert "<table" not in content
    assert "organisatie.xlsx" not in content
    assert client.get(reverse("reporting:organisation_xlsx"), {"period": Q3}).status_code == 404
    assert client.get(reverse("reporting:organisation_csv"), {"period": Q3}).status_code == 404
