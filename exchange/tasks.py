"""Celery tasks of the cases app: thin wrappers around ``exchange.jobs``.

With the embedded default (no broker) Celery runs tasks eagerly, inside the request that
queues them. The jobs catch their own errors and record them on the row, so a task never
fails with a traceback for the user; a task delivered twice finds the row already claimed
and does nothing."""

from celery import shared_task

from exchange import jobs


@shared_task(acks_late=True)
def validate_bundle_import(pk: int) -> str | None:
    """Validate an uploaded bundle (a dry run): uploaded -> validating -> valid | invalid."""
    return jobs.validate(pk)


@shared_task(acks_late=True)
def run_bundle_import(pk: int) -> str | None:
    """Import a confirmed bundle: importing -> done | failed."""
    return jobs.run(pk)


@shared_task
def import_watchdog() -> dict[str, int]:
    """Every few minutes: jobs a dead worker left "bezig", and uploads never confirmed."""
    return jobs.watchdog()
