"""The bundle import's transitions: uploaded -> validating -> valid | invalid, and
valid -> importing -> done | failed. Each claims its status under a row lock and queues
its Celery task with ``transaction.on_commit``, so a task never sees an uncommitted row
and a broker that cannot be reached leaves nothing half-claimed."""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exchange.models import BundleImport, BundleImportStatus
from exchange.source import Problem
from exchange.tasks import run_bundle_import, validate_bundle_import

logger = logging.getLogger(__name__)
NOT_STARTED = gettext_lazy("The import could not be started; nothing was stored. Try again later.")


@dataclass
class Claim:
    """What a transition did: the job (None when it could not be claimed) and whether its
    task was queued (False when the broker could not be reached; the claim is undone)."""

    job: BundleImport | None
    queued: bool = True


def _queue(task, pk: int) -> bool:
    """Queue a task; False (logged) when the broker cannot be reached."""
    try:
        task.delay(pk)
    except Exception:
        logger.exception("could not queue %s for bundle import %s", task.name, pk)
        return False
    return True


def upload_bundle(user, upload) -> Claim:
    """Store an uploaded bundle and queue its validation (a dry run)."""
    with transaction.atomic():
        job = BundleImport.objects.create(
            file=upload, original_name=upload.name[:255], size=upload.size, uploaded_by=user
        )
        claim = Claim(job)

        def queue_validation():
            if not _queue(validate_bundle_import, job.pk):
                claim.queued = False
                BundleImport.objects.filter(pk=job.pk, status=BundleImportStatus.UPLOADED).update(
                    status=BundleImportStatus.FAILED,
                    problems=str(Problem("-", 0, "-", _("the validation could not be started; upload the bundle "
                                                        "again later"))),
                    problem_count=1,
                )

        transaction.on_commit(queue_validation)
    return claim


def confirm_import(user, pk: int) -> Claim:
    """valid -> importing, then queue the import. A running import holds a lock on its row
    (its progress) until it commits: such a row is skipped, not waited for."""
    with transaction.atomic():
        job = BundleImport.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
        if job is None or not job.can_confirm:
            return Claim(None)
        job.status, job.confirmed_by, job.confirmed_at, job.progress = (
            BundleImportStatus.IMPORTING, user, timezone.now(), "")
        job.save(update_fields=["status", "confirmed_by", "confirmed_at", "progress"])
        claim = Claim(job)

        def queue_import():
            if not _queue(run_bundle_import, job.pk):
                claim.queued = False
                BundleImport.objects.filter(pk=job.pk, status=BundleImportStatus.IMPORTING).update(
                    status=BundleImportStatus.VALID, confirmed_by=None, confirmed_at=None, progress=NOT_STARTED
                )

        transaction.on_commit(queue_import)
    return claim
