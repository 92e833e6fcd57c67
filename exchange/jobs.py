"""Running a bundle uploaded in the browser (``cases.BundleImport``): the validation (a dry
run) and, after confirmation, the import. ``exchange.tasks`` runs these as Celery tasks.

Each step first claims the row by moving its status (uploaded -> validating, or the
view's valid -> importing), so a task delivered twice does not run twice. Whatever
happens, the row ends in a final status with the problems listed; an unexpected error
is logged for the maintainers and shown to the user as one plain sentence, never as a
traceback. The uploaded file is deleted as soon as it is no longer needed (after an
invalid validation, and after the import, whether it succeeded or not).

Progress is written to the row at most once a second with a separate UPDATE. The parse
phase runs before the import's transaction, so its progress is visible at once; the
store phase runs inside that transaction on the same connection, so its progress
becomes visible to others only at the commit (the page shows the last parse step
until the import is done)."""

import datetime as dt
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from cases import history
from cases.models import AccessAction, AccessLogEntry
from exchange.importer import ImportResult, import_bundle
from exchange.models import BundleImport, BundleImportStatus
from exchange.source import Problems

logger = logging.getLogger(__name__)

PROBLEMS_KEPT = 10_000  # problem lines stored on the row; the count is always complete
PROGRESS_INTERVAL = 1.0  # seconds between progress writes


def format_progress(step: str, done: int, total: int) -> str:
    """"zrm.csv: 50.000 / 172.336 (29%)" (grouped in the active language)."""
    percent = 100 * done // total if total else 100
    grouped = [formats.number_format(n, force_grouping=True) for n in (done, total)]
    return f"{step}: {grouped[0]} / {grouped[1]} ({percent}%)"


class ProgressWriter:
    """The progress callback of ``import_bundle``: writes to the row at most once per interval."""

    def __init__(self, pk: int, interval: float = PROGRESS_INTERVAL, clock: Callable[[], float] = time.monotonic):
        self.pk, self.interval, self.clock = pk, interval, clock
        self.last: float | None = None

    def __call__(self, step: str, done: int, total: int) -> None:
        now = self.clock()
        if self.last is not None and now - self.last < self.interval:
            return
        self.last = now
        BundleImport.objects.filter(pk=self.pk).update(progress=format_progress(step, done, total)[:200],
                                                       heartbeat_at=timezone.now())


def validate(pk: int) -> str | None:
    """Validate an uploaded bundle (a dry run); returns the new status, None when not ours to run."""
    if not BundleImport.objects.filter(pk=pk, status=BundleImportStatus.UPLOADED).update(
        status=BundleImportStatus.VALIDATING, progress="", heartbeat_at=timezone.now()
    ):
        return None
    return _run(pk, dry_run=True)


def run(pk: int) -> str | None:
    """Import a confirmed bundle (the view moved it to ``importing``); returns the new status."""
    if not BundleImport.objects.filter(pk=pk, status=BundleImportStatus.IMPORTING, finished_at__isnull=True).update(
            heartbeat_at=timezone.now()):
        return None
    return _run(pk, dry_run=False)


def _run(pk: int, *, dry_run: bool) -> str:
    job = BundleImport.objects.get(pk=pk)
    with translation.override(settings.LANGUAGE_CODE):  # problems in the users' language, like the command's
        try:
            with history.acting(job.confirmed_by or job.uploaded_by):
                result = import_bundle(job.file.path, dry_run=dry_run, progress=ProgressWriter(pk))
        except Exception:
            logger.exception("bundle import %s: unexpected error (dry run: %s)", pk, dry_run)
            result = ImportResult(problems=Problems(), dry_run=dry_run)
            result.problems.add("-", 0, "", _("an unexpected error occurred, nothing was stored; the error has been "
                                              "logged for the maintainers"))
        if dry_run:
            status = BundleImportStatus.VALID if result.ok else BundleImportStatus.INVALID
        else:
            status = BundleImportStatus.DONE if result.stored else BundleImportStatus.FAILED
        problems = [str(problem) for problem in result.problems[:PROBLEMS_KEPT]]
        BundleImport.objects.filter(pk=pk).update(
            status=status,
            problems="\n".join(problems),
            problem_count=len(result.problems),
            warnings="\n".join(result.warnings),
            rows_read=result.rows_read,
            changed=result.changed,
            progress="",
            finished_at=None if dry_run else timezone.now(),
        )
        if status != BundleImportStatus.VALID:
            # The upload may hold BSNs and dates of birth: keep it only while it awaits
            # confirmation. The report (problems, rows per file) stays on the row.
            job.file.delete(save=False)
            BundleImport.objects.filter(pk=pk).update(file="")
        if status == BundleImportStatus.DONE:
            stored = ", ".join(f"{name} {count}" for name, count in result.changed.items() if count)
            AccessLogEntry.objects.create(
                user_id=job.confirmed_by_id or job.uploaded_by_id,
                action=AccessAction.CREATE,
                detail=(_("bundle import %(number)d stored (new or changed: %(rows)s)")
                        % {"number": pk, "rows": stored or "-"})[:300],
            )
    return status


def _drop_upload(job: BundleImport) -> None:
    if job.file:
        job.file.delete(save=False)
    job.file = ""


def watchdog(now=None) -> dict[str, int]:
    """Jobs a dead worker left behind (issue 26, item 8; Celery may have acknowledged the task
    before the worker died). A job counts as dead when its last sign of life (claim or
    progress) is older than ``IMPORT_STALE_MINUTES`` and no transaction holds its row (a live
    import holds it while storing: ``skip_locked``).

    - importing -> valid again ("geldig"), with a message: nothing was stored (one
      transaction), so it can be confirmed again;
    - uploaded or validating -> not valid, with a message, the upload deleted;
    - valid but not confirmed within ``IMPORT_KEEP_UNCONFIRMED_HOURS`` -> the upload (BSNs,
      dates of birth) deleted, the job closed with a message."""
    now = now or timezone.now()
    stale = now - dt.timedelta(minutes=settings.IMPORT_STALE_MINUTES)
    unconfirmed = now - dt.timedelta(hours=settings.IMPORT_KEEP_UNCONFIRMED_HOURS)
    counts = {"returned": 0, "stopped": 0, "expired": 0}
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        waiting = (BundleImport.objects.select_for_update(skip_locked=True)
                   .filter(status__in=[*BundleImport.RUNNING, BundleImportStatus.VALID]))
        for job in waiting:
            seen = max(t for t in (job.heartbeat_at, job.confirmed_at, job.uploaded_at) if t is not None)
            if job.status == BundleImportStatus.IMPORTING and seen < stale:
                job.status, job.confirmed_by, job.confirmed_at = BundleImportStatus.VALID, None, None
                job.progress = _("The import stopped before it finished; nothing was stored. Confirm again to "
                                 "import the bundle.")[:200]
                counts["returned"] += 1
            elif job.status in (BundleImportStatus.UPLOADED, BundleImportStatus.VALIDATING) and seen < stale:
                job.status, job.problem_count = BundleImportStatus.INVALID, job.problem_count or 1
                job.problems = _("-:0: the validation stopped before it finished; upload the bundle again")
                job.progress = ""
                _drop_upload(job)
                counts["stopped"] += 1
            elif job.status == BundleImportStatus.VALID and seen < unconfirmed:
                job.status, job.finished_at = BundleImportStatus.FAILED, now
                job.problem_count = job.problem_count or 1
                job.problems = _("-:0: not confirmed within a day; the upload was deleted, nothing was stored")
                job.progress = ""
                _drop_upload(job)
                counts["expired"] += 1
            else:
                continue
            job.save()
    return counts
