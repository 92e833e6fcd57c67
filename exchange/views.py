"""Importing a bundle in the browser, for functional administrators: upload a .zip, read
the validation report, confirm, follow the progress, see the result. Validation and
import run as Celery tasks (``exchange.tasks``); with the embedded default they run
eagerly, inside the request. Every step is written to the access log."""

import logging
import zipfile

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.access import is_beheer
from cases.audit import log_access
from cases.models import AccessAction
from exchange.models import BundleImport, BundleImportStatus
from exchange.source import Problem
from exchange.tasks import run_bundle_import, validate_bundle_import

logger = logging.getLogger(__name__)

PROBLEMS_SHOWN = 200
RECENT = 20


def _require_beheer(request):
    if not is_beheer(request.user):
        raise PermissionDenied


class BundleUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Bundle (.zip)"),
        help_text=gettext_lazy("A .zip of the bundle's CSV files (at its root or in one folder)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.BUNDLE_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                _("This file is %(size)s; a bundle may be at most %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="too_large",
            )
        if not upload.name.lower().endswith(".zip"):
            raise ValidationError(_("Upload the bundle as a .zip file."), code="not_zip")
        if not zipfile.is_zipfile(upload):
            raise ValidationError(_("This is not a valid .zip file."), code="not_zip")
        upload.seek(0)
        return upload


def _queue(task, pk: int) -> bool:
    """Queue a task; False (logged) when the broker cannot be reached."""
    try:
        task.delay(pk)
    except Exception:
        logger.exception("could not queue %s for bundle import %s", task.name, pk)
        return False
    return True


def import_upload(request):
    _require_beheer(request)
    form = BundleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = BundleImport.objects.create(
            file=upload, original_name=upload.name[:255], size=upload.size, uploaded_by=request.user
        )
        detail = _("bundle import %(number)d: uploaded %(name)s") % {"number": job.pk, "name": job.original_name}
        log_access(request, AccessAction.CREATE, detail=detail)

        def queue_validation():
            if not _queue(validate_bundle_import, job.pk):
                BundleImport.objects.filter(pk=job.pk, status=BundleImportStatus.UPLOADED).update(
                    status=BundleImportStatus.FAILED,
                    problems=str(Problem("-", 0, "-", _("the validation could not be started; upload the bundle "
                                                        "again later"))),
                    problem_count=1,
                )

        transaction.on_commit(queue_validation)
        return redirect(job)
    recent = BundleImport.objects.select_related("uploaded_by")[:RECENT]
    return render(request, "exchange/import_upload.html", {"form": form, "recent": recent})


def import_detail(request, pk):
    _require_beheer(request)
    job = get_object_or_404(BundleImport.objects.select_related("uploaded_by", "confirmed_by"), pk=pk)
    if not job.is_running:  # the page reloads itself every 2 s while running: log what it shows once done
        log_access(request, AccessAction.VIEW, detail=_("bundle import %(number)d: %(status)s")
                   % {"number": job.pk, "status": job.get_status_display()})
    problems = job.problem_lines(PROBLEMS_SHOWN)
    return render(request, "exchange/import_detail.html", {
        "job": job,
        "problems": problems,
        "problems_hidden": max(job.problem_count - len(problems), 0),
        "statuses": BundleImportStatus,
    })


def import_confirm(request, pk):
    _require_beheer(request)
    job = get_object_or_404(BundleImport, pk=pk)
    if request.method != "POST":
        return redirect(job)
    # Read first: a running import holds a lock on its row (progress) until it commits.
    claimed = job.can_confirm and BundleImport.objects.filter(pk=pk, status=BundleImportStatus.VALID).update(
        status=BundleImportStatus.IMPORTING, confirmed_by=request.user, confirmed_at=timezone.now(), progress=""
    )
    if not claimed:
        messages.error(request, _("This import cannot be confirmed (any more)."))
        return redirect(job)
    log_access(request, AccessAction.CREATE,
               detail=_("bundle import %(number)d: confirmed %(name)s") % {"number": job.pk, "name": job.original_name})

    def queue_import():
        if not _queue(run_bundle_import, job.pk):
            BundleImport.objects.filter(pk=job.pk, status=BundleImportStatus.IMPORTING).update(
                status=BundleImportStatus.VALID, confirmed_by=None, confirmed_at=None
            )
            messages.error(request, _("The import could not be started; nothing was stored. Try again later."))

    transaction.on_commit(queue_import)
    return redirect(job)


def import_problems(request, pk):
    """The stored validation report as a text file, one problem per line."""
    _require_beheer(request)
    job = get_object_or_404(BundleImport, pk=pk)
    log_access(request, AccessAction.EXPORT, detail=_("bundle import %(number)d: problems") % {"number": job.pk})
    response = HttpResponse(job.problems + "\n", content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-problemen.txt"'
    return response
