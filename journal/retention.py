"""The journal's part of destruction and inzage (cases.extensions; docs/adr/0110, 0112).

Two data kinds an organisation may keep shorter than the dossier (``RETENTION_YEARS_BY_KIND``):
``journal`` (entries) and ``documents`` (rows and their files in ``PRIVATE_MEDIA_ROOT``).
Files are deleted after the destroying transaction commits: a file deleted in a transaction
that then rolls back could not be brought back."""

import logging

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.extensions import InzageSection, chunks, delete_by, readable_rows
from journal.models import Document, JournalEntry, _private_storage

logger = logging.getLogger(__name__)


def destroy_entries(dossier_ids: list[int], client_ids: list[int]) -> dict:
    # Corrections point at what they correct: plain DELETEs, the deferred keys are checked at the end.
    return delete_by("dossier_id", dossier_ids, JournalEntry)


def _delete_files(names: list[str]) -> None:
    storage = _private_storage()
    for name in names:
        try:
            storage.delete(name)
        except OSError:  # logged, never silent: the file must then be removed by hand
            logger.exception("Destruction: document file %s could not be deleted", name)


def destroy_documents(dossier_ids: list[int], client_ids: list[int]) -> dict:
    names = []
    for chunk in chunks(dossier_ids):
        names.extend(Document.objects.filter(dossier_id__in=chunk).values_list("file", flat=True))
    counts = delete_by("dossier_id", dossier_ids, Document)
    if names:
        transaction.on_commit(lambda: _delete_files(names))
    return counts


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict:
    return {**destroy_entries(dossier_ids, client_ids), **destroy_documents(dossier_ids, client_ids)}


def has_entries(dossiers):
    return dossiers.filter(Exists(JournalEntry.objects.filter(dossier=OuterRef("pk"))))


def has_documents(dossiers):
    return dossiers.filter(Exists(Document.objects.filter(dossier=OuterRef("pk"))))


JOURNAL_LABEL = gettext_lazy("journal")
DOCUMENTS_LABEL = gettext_lazy("documents")


def inzage(client, dossier_ids: list[int]) -> list[InzageSection]:
    """The household's journal (the client's own entries and those naming no member, also
    the confidential ones: the administrator decides what an exception of art. 15(4) keeps
    back) and the documents' descriptions (the files are handed over separately)."""
    entries = JournalEntry.objects.filter(Q(client=client) | Q(client__isnull=True, dossier_id__in=dossier_ids))
    return [
        InzageSection(_("Journal"), readable_rows(
            entries.select_related("dossier", "client", "author", "corrects").order_by("written_on", "pk")),
            "journal.JournalEntry"),
        InzageSection(_("Documents"), readable_rows(
            Document.objects.filter(dossier_id__in=dossier_ids).select_related("dossier", "uploaded_by")
            .order_by("pk"), skip=("id", "file")), "journal.Document"),
    ]
