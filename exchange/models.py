"""What the exchange app owns: bundles uploaded in the browser (the table keeps its
historical name ``cases_bundleimport``; see docs/adr/0006-app-graph.md)."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def bundle_upload_path(instance, filename: str) -> str:
    """Uploaded bundles get a name of our own (the user's file name is kept on the row)."""
    return f"imports/{timezone.now():%Y%m%d-%H%M%S}-{secrets.token_hex(6)}.zip"


class BundleImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("uploaded, waiting for validation")
    VALIDATING = "validating", _("validating")
    VALID = "valid", _("valid, waiting for confirmation")
    INVALID = "invalid", _("not valid, nothing stored")
    IMPORTING = "importing", _("importing")
    DONE = "done", _("imported")
    FAILED = "failed", _("failed, nothing stored")


class BundleImport(models.Model):
    """A bundle uploaded in the browser by a functional administrator: validated (a dry run),
    confirmed, imported. Both steps run as Celery tasks (``exchange.tasks``); the row carries
    their status, progress, problems and result."""

    RUNNING = (BundleImportStatus.UPLOADED, BundleImportStatus.VALIDATING, BundleImportStatus.IMPORTING)

    file = models.FileField(_("bundle (.zip)"), upload_to=bundle_upload_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=BundleImportStatus.choices, default=BundleImportStatus.UPLOADED
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    problems = models.TextField(
        _("problems"), blank=True, help_text="One 'file:line: column: message' per line (the first 10,000)."
    )
    problem_count = models.PositiveIntegerField(_("number of problems"), default=0)
    rows_read = models.JSONField(_("rows read"), default=dict, blank=True)
    changed = models.JSONField(_("rows new or changed"), default=dict, blank=True)
    progress = models.CharField(_("progress"), max_length=200, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True,
                                        help_text="Written with the progress: the watchdog's measure of a dead job.")
    warnings = models.TextField(_("warnings"), blank=True,
                                help_text="What the report says although the bundle is valid, one per line.")

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("bundle import")
        verbose_name_plural = _("bundle imports")
        db_table = "cases_bundleimport"

    def __str__(self):
        return f"{self.original_name} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("exchange:import_detail", args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def can_confirm(self) -> bool:
        return self.status == BundleImportStatus.VALID

    def problem_lines(self, limit: int | None = None) -> list[str]:
        lines = self.problems.splitlines()
        return lines if limit is None else lines[:limit]

    @property
    def result_rows(self) -> list[tuple[str, int, int | None]]:
        """(file, rows read, rows new or changed) per file of the bundle."""
        return [(name, count, self.changed.get(name)) for name, count in self.rows_read.items()]
