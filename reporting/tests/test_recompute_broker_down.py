"""Herberekenen with the broker unreachable: a clear message, nothing left half-claimed."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from conftest import as_user
from reporting import services
from reporting.models import PeriodComputation
from reporting.tests.test_dashboard_figures import Q3

pytestmark = pytest.mark.django_db(transaction=True)  # the task is queued on commit


@pytest.fixture
def broker_down(monkeypatch):
    def unreachable(periods):
        raise OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(services.compute_indicators, "delay", unreachable)


def test_never_computed_period_is_not_left_being_recomputed(client, coach_a, team_a, broker_down):
    response = as_user(client, coach_a).post(reverse("reporting:recompute"), {"period": Q3})
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "De herberekening van Q3 2026 kon niet worden gestart; de cijfers zijn niet veranderd. "
        "Probeer het later opnieuw."
    ]
    assert not any(c.pending for c in PeriodComputation.objects.all())


def test_an_earlier_request_mark_is_restored(client, coach_a, team_a, broker_down):
    computed = timezone.now() - timezone.timedelta(hours=2)
    PeriodComputation.objects.create(period=Q3, computed_at=computed, duration_ms=1, row_count=1,
                                     requested_at=computed - timezone.timedelta(minutes=1))
    as_user(client, coach_a).post(reverse("reporting:recompute"), {"period": Q3})
    computation = PeriodComputation.objects.get(period=Q3)
    assert computation.requested_at == computed - timezone.timedelta(minutes=1) and not computation.pending
    dashboard = client.get(reverse("reporting:team_dashboard", args=[team_a.code]), {"period": Q3})
    assert "worden herberekend" not in dashboard.content.decode()
