"""Celery tasks: thin wrappers around ``reporting.compute.compute_periods``.

Tasks are idempotent (computing a period replaces its rows), acknowledged late, and
retried with back-off when the database or broker has a hiccup."""

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from reporting.compute import compute_periods
from reporting.periods import Period

RETRY = {
    "autoretry_for": (OperationalError, InterfaceError, BrokerError),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 5,
    "acks_late": True,
}


@shared_task(**RETRY)
def compute_indicators(periods: list[str]) -> dict[str, int]:
    """Compute the given periods (a quarter includes its months)."""
    return compute_periods(periods)


@shared_task(**RETRY)
def recompute_recent_periods() -> dict[str, int]:
    """Nightly: the current and the previous quarter with their months, because
    registrations of past weeks keep changing."""
    current = Period.quarter_of(timezone.localdate())
    return compute_periods([*current.previous_quarters(1), current])


@shared_task
def recompute_watchdog() -> int:
    """Every few minutes: a recomputation "pending" longer than ``RECOMPUTE_STALE_MINUTES``
    (its worker died) is taken back, so the dashboard no longer says one is under way and
    "Recompute" can be pressed again (issue 26, item 8)."""
    from reporting.watchdog import withdraw_stale_requests

    return withdraw_stale_requests()
