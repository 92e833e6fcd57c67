"""Celery tasks of the Wmo toegang: thin, the work is in ``toegang.transport``."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from toegang import inbox, transport


@shared_task(autoretry_for=(OperationalError, InterfaceError, OSError), retry_backoff=True, retry_backoff_max=300,
             max_retries=8, acks_late=True)
def deliver_message(message_id: int) -> bool:
    """Write one outbound message to the GGk adapter's folder."""
    return transport.deliver(message_id)


@shared_task(acks_late=True)
def exchange_with_providers() -> dict[str, object]:
    """Every few minutes: send what is still waiting and process the inbox."""
    return {"sent": transport.deliver_ready(), "received": inbox.poll()}
