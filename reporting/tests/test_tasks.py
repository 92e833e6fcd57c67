"""The Celery tasks call the same compute function as the command and the button;
they are idempotent and retried on database hiccups; beat's schedule is in settings."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import OperationalError

from buurtteam.celery import app
from cases.factories import household
from reporting import tasks
from reporting.models import IndicatorRow, PeriodComputation
from reporting.periods import Period


def test_compute_task_stores_a_quarter_with_its_months(team_a):
    household(team_a, registered_on=dt.date(2019, 5, 3))
    counts = tasks.compute_indicators.delay(["2019-Q2"]).get()
    assert list(counts) == ["2019-Q2", "2019-04", "2019-05", "2019-06"]
    assert IndicatorRow.objects.get(period="2019-05", team=team_a, indicator="dossiers_registered").value == 1
    again = tasks.compute_indicators.delay(["2019-Q2"]).get()
    assert again == counts, "re-running is harmless: same rows, no duplicates"
    assert IndicatorRow.objects.filter(period="2019-Q2").count() == counts["2019-Q2"]


def test_nightly_task_recomputes_current_and_previous_quarter(team_a, monkeypatch):
    monkeypatch.setattr(tasks.timezone, "localdate", lambda: dt.date(2026, 2, 10))
    tasks.recompute_recent_periods.delay().get()
    assert set(PeriodComputation.objects.values_list("period", flat=True)) == {
        "2025-Q4", "2025-10", "2025-11", "2025-12", "2026-Q1", "2026-01", "2026-02", "2026-03"
    }


def test_database_hiccups_are_retried(team_a, monkeypatch):
    calls = []
    real = tasks.compute_periods

    def flaky(periods):
        calls.append(periods)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(periods)

    monkeypatch.setattr(tasks, "compute_periods", flaky)
    monkeypatch.setattr(tasks.compute_indicators, "retry_backoff", False)
    result = tasks.compute_indicators.apply(args=[["2019-Q1"]], throw=False)
    assert result.successful() and len(calls) == 2
    assert PeriodComputation.objects.filter(period="2019-Q1").exists()


def test_beat_schedule_is_reviewed_in_settings_and_points_at_a_real_task():
    entry = settings.CELERY_BEAT_SCHEDULE["recompute-recent-indicators"]
    assert entry["task"] in app.tasks
    assert entry["schedule"].hour == {2} and entry["schedule"].minute == {30}


@pytest.mark.parametrize("code", ["2019-Q1", "2019"])
def test_task_and_command_compute_the_same_rows(team_a, code):
    from django.core.management import call_command

    household(team_a, registered_on=dt.date(2019, 2, 3), support_started_on=dt.date(2019, 2, 8))
    tasks.compute_indicators.delay([code]).get()
    fields = ("team_id", "indicator", "dimension", "value", "count")
    by_task = list(IndicatorRow.objects.filter(period=code).order_by(*fields[:3]).values_list(*fields))
    call_command("compute_indicators", code, stdout=open("/dev/null", "w"))  # noqa: SIM115
    by_command = list(IndicatorRow.objects.filter(period=code).order_by(*fields[:3]).values_list(*fields))
    assert by_task == by_command and Period.parse(code)
