"""Celery tasks of the portal: thin, the work is in ``portal.reminders`` (appointments) and
``portal.questionnaire_reminders`` (the client-experience questionnaire)."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from portal import questionnaire_reminders, reminders


@shared_task(acks_late=True)
def send_appointment_reminders() -> int:
    """Every afternoon: remind residents of tomorrow's appointments."""
    return reminders.send_reminders()


@shared_task(autoretry_for=(OperationalError, InterfaceError), retry_backoff=True, retry_backoff_max=300,
             max_retries=5, acks_late=True)
def remind_questionnaires() -> int:
    """Daily: the questionnaire's one reminder, a week after closure (idempotent)."""
    return questionnaire_reminders.remind()
