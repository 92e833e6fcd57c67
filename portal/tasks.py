"""Celery tasks of the portal: thin, the work is in ``portal.reminders``."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from portal import reminders


@shared_task(autoretry_for=(OperationalError, InterfaceError), retry_backoff=True, retry_backoff_max=300,
             max_retries=5, acks_late=True)
def remind_questionnaires() -> int:
    """Daily: the questionnaire's one reminder, a week after closure (idempotent)."""
    return reminders.remind()
