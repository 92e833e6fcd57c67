"""Celery tasks of the portal: thin, the work is in ``portal.reminders``."""

from celery import shared_task

from portal import reminders


@shared_task(acks_late=True)
def send_appointment_reminders() -> int:
    """Every afternoon: remind residents of tomorrow's appointments."""
    return reminders.send_reminders()
