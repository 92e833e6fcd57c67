"""Celery tasks of the work app: thin, the work is in ``work.signals``."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from work import signals


@shared_task(autoretry_for=(OperationalError, InterfaceError), retry_backoff=True, retry_backoff_max=300,
             max_retries=5, acks_late=True)
def derive_signals() -> dict:
    """Nightly: raise, reopen and close every team's signals (idempotent)."""
    return signals.derive()
