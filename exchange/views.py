"""Importing a bundle in the browser, for functional administrators: upload a .zip, read
the validation report, confirm, follow the progress, see the result. Validation and
import run as Celery tasks (``exchange.tasks``); with the embedded default they run
eagerly, inside the request. Every step is written to the access log."""

import logging
import zipfile

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.audit import log_access
from cases.models import AccessAction
from cases.permissions import beheer_required
from cases.uploads import UploadField
from exchange import services
from exchange.models import BundleImport, BundleImportStatus

logger = logging.getLogger(__name__)

PROBLEMS_SHOWN = 200
RECENT = 20


class BundleUploadForm(forms.Form):
    file = UploadField(  # size, emptiness and extension: cases.uploads
        label=gettext_lazy("Bundle (.zip)"), limit_setting="BUNDLE_UPLOAD_MAX_BYTES", suffixes=(".zip",),
        accepted=gettext_lazy("a .zip file"),
        help_text=gettext_lazy("A .zip of the bundle's CSV files (at its root or in one folder)."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not zipfile.is_zipfile(upload):
            raise ValidationError(_("This is not a valid .zip file."), code="not_zip")
        upload.seek(0)
        return upload


@beheer_required
def import_upload(request):
    form = BundleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        claim = services.upload_bundle(request.user, form.cleaned_data["file"])
        job = claim.job
        detail = _("bundle import %(number)d: uploaded %(name)s") % {"number": job.pk, "name": job.original_name}
        log_access(request, AccessAction.CREATE, detail=detail)
        return redirect(job)
    recent = BundleImport.objects.select_related("uploaded_by")[:RECENT]
    return render(request, "exchange/import_upload.html", {"form": form, "recent": recent})


@beheer_required
def import_detail(request, pk):
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


@beheer_required
def import_confirm(request, pk):
    job = get_object_or_404(BundleImport, pk=pk)
    if request.method != "POST":
        return redirect(job)
    claim = services.confirm_import(request.user, job.pk)
    if claim.job is None:
        messages.error(request, _("This import cannot be confirmed (any more)."))
        return redirect(job)
    log_access(request, AccessAction.CREATE,
               detail=_("bundle import %(number)d: confirmed %(name)s") % {"number": job.pk, "name": job.original_name})
    if not claim.queued:  # when the broker refused at once (no outer transaction); the page says so too
        messages.error(request, services.NOT_STARTED)
    return redirect(job)


@beheer_required
def import_problems(request, pk):
    """The stored validation report as a text file, one problem per line."""
    job = get_object_or_404(BundleImport, pk=pk)
    log_access(request, AccessAction.EXPORT, detail=_("bundle import %(number)d: problems") % {"number": job.pk})
    response = HttpResponse(job.problems + "\n", content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-problemen.txt"'
    return response
