"""Herberekenen: team coaches (of any team) and beleid recompute a quarter for all teams."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cases.factories import user_with_role
from cases.models import Role
from conftest import as_user
from reporting.factories import dossier
from reporting.models import IndicatorRow, PeriodComputation
from reporting.tests.test_dashboard_figures import Q3, D

RECOMPUTE = reverse("reporting:recompute")

# The computation is queued once the request mark is committed (transaction.on_commit).
pytestmark = pytest.mark.django_db(transaction=True)


def dashboard_url(team):
    return reverse("reporting:team_dashboard", args=[team.code]) + f"?period={Q3}"


def test_coach_recomputes_and_returns_to_the_dashboard(client, coach_a, team_a, team_b):
    dossier(team_a, D(2026, 7, 1))
    dossier(team_b, D(2026, 8, 1))
    as_user(client, coach_a)
    content = client.get(dashboard_url(team_a)).content.decode()
    assert 'action="/cijfers/herberekenen"' in content and "Herberekenen" in content
    response = client.post(RECOMPUTE, {"period": Q3, "next": dashboard_url(team_a)})
    assert response.status_code == 302 and response.url == dashboard_url(team_a)
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["De cijfers van Q3 2026 zijn herberekend."]
    computations = {c.period: c for c in PeriodComputation.objects.all()}
    assert set(computations) == {Q3, "2026-07", "2026-08", "2026-09"}
    assert all(c.computed_at and not c.pending for c in computations.values())
    # All teams are computed, not only the coach's.
    assert IndicatorRow.objects.get(period=Q3, team=team_b, indicator="dossiers_registered").value == 1
    assert IndicatorRow.objects.get(period=Q3, team=None, indicator="dossiers_registered").value == 2


def test_coach_of_another_team_and_beleid_may_recompute(client, team_a, team_b, beleid):
    coach_b = user_with_role(Role.TEAMCOACH, team_b, username="coach-b")
    for user in (coach_b, beleid):
        response = as_user(client, user).post(RECOMPUTE, {"period": Q3})
        assert response.status_code == 302
    assert PeriodComputation.objects.get(period=Q3).computed_at is not None


@pytest.mark.parametrize("user", ["generalist_a", "beheer"])
def test_others_may_not_recompute(client, request, team_a, user):
    as_user(client, request.getfixturevalue(user))
    assert client.post(RECOMPUTE, {"period": Q3}).status_code == 403
    assert not PeriodComputation.objects.exists()


def test_generalists_get_no_button(client, generalist_a, team_a):
    content = as_user(client, generalist_a).get(dashboard_url(team_a)).content.decode()
    assert "/cijfers/herberekenen" not in content


def test_only_post_and_only_local_redirects(client, coach_a, team_a):
    as_user(client, coach_a)
    assert client.get(RECOMPUTE, {"period": Q3}).status_code == 405
    response = client.post(RECOMPUTE, {"period": Q3, "next": "https://example.org/"})
    assert response.status_code == 302 and response.url == reverse("reporting:home")
    assert client.post(RECOMPUTE, {"period": "2026-13"}).status_code == 400
    assert client.post(RECOMPUTE, {}).status_code == 400


def test_queued_recomputation_is_announced(client, coach_a, team_a, monkeypatch):
    """With a real broker the task runs later: the page says a recomputation is under way."""
    from reporting import services

    queued = []
    monkeypatch.setattr(services.compute_indicators, "delay", lambda periods: queued.append(periods))
    as_user(client, coach_a)
    response = client.post(RECOMPUTE, {"period": Q3, "next": dashboard_url(team_a)}, follow=True)
    assert queued == [[Q3]]
    content = response.content.decode()
    assert "De herberekening van Q3 2026 is gestart." in content
    assert "De cijfers van deze periode worden herberekend." in content
    assert "Deze periode is nog niet berekend." in content
