"""The household's journal (verslaglegging) and the dossier's documents.

A journal entry is never edited or deleted after the day it was written: a correction is a
new entry that refers to the one it corrects (``corrects``) and is shown with it. The rules
live in ``journal.services``; the model refuses changes to a stored entry."""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.appendonly import AppendOnlyModel
from cases.models import Client, Dossier, new_ref
from journal.querysets import DocumentQuerySet, JournalEntryQuerySet

MAX_MINUTES = 600
MAX_TEXT = 4000  # characters of a typed entry (a page and a half); older or imported text may be longer
FOLD_AFTER = 700  # the dossier page folds an entry's text longer than this


class EntryKind(models.TextChoices):
    HOME_VISIT = "huisbezoek", _("home visit")
    OFFICE = "gesprek_kantoor", _("conversation at the office")
    PHONE = "telefoon", _("phone call")
    DIGITAL = "digitaal", _("digital (e-mail, chat, video)")
    CONSULTATION = "overleg", _("consultation about the household")
    NOTE = "notitie", _("note (no contact)")


class JournalEntry(AppendOnlyModel):
    append_only_message = "A journal entry is never changed or deleted; write a correction."

    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="journal_entries", db_index=False)
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=False,
        verbose_name=_("about member"), help_text=_("Empty: about the household as a whole."),
    )
    written_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MINUTES)],
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("author"),
    )
    author_ref = models.CharField(
        _("author (source system)"), max_length=150, blank=True,
        help_text=_("The source system's worker identifier when it matches no user."),
    )
    confidential = models.BooleanField(
        _("confidential"), default=False,
        help_text=_("Only you, the lead worker and the team coaches can read a confidential entry."),
    )
    text = models.TextField(_("text"))
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections",
        verbose_name=_("corrects"), db_index=False,
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now, editable=False)

    objects = JournalEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-written_on", "-id"]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        indexes = [
            models.Index(fields=["dossier", "written_on"], name="journal_dossier"),
            models.Index(fields=["written_on"], name="journal_written_on"),
            models.Index(fields=["corrects"], name="journal_corrects", condition=Q(corrects__isnull=False)),
            # the foreign-key check when clients are destroyed (docs/adr/0110)
            models.Index(fields=["client"], name="journal_client", condition=Q(client__isnull=False)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__isnull=True) | Q(minutes__gte=1, minutes__lte=MAX_MINUTES),
                name="journal_minutes_1_600",
            ),
            models.CheckConstraint(
                condition=Q(corrects__isnull=True) | ~Q(corrects=F("id")), name="journal_no_self_correction"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.written_on:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("journal:list", args=[self.dossier_id]) + f"#entry-{self.pk}"


class DocumentKind(models.TextChoices):
    LETTER = "brief", _("letter")
    PLAN = "plan", _("signed plan")
    CONSENT = "toestemming", _("consent form")
    OTHER = "overig", _("other")


class PrivateStorage(FileSystemStorage):
    """Documents live in ``settings.PRIVATE_MEDIA_ROOT``, outside the public media and static
    roots, and are only served by ``journal.views.document_download`` (scoped and logged).
    The location is read from the settings on use (so a test's override applies)."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def _private_storage():
    return PrivateStorage()


def document_path(instance, filename: str) -> str:
    """A name of our own; the user's file name is kept on the row."""
    return f"documents/{timezone.now():%Y/%m}/{secrets.token_hex(12)}"


class Document(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    file = models.FileField(_("file"), storage=_private_storage, upload_to=document_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("journal:document", args=[self.dossier_id, self.pk])
