"""Writing the journal and storing documents: the only place their rules live.

- An entry belongs to an open dossier of the writer's team, is dated between the
  registration and today, has a kind, a text and optionally 1-600 minutes; a member it is
  about belongs to the household.
- An entry is never edited or deleted: a correction is a new entry on the same dossier
  that refers to the entry it corrects (which the writer must be able to read).
- A document's type is read from its content (its first bytes), never from its name, and
  it may not exceed ``settings.DOCUMENT_MAX_BYTES``.
"""

import datetime as dt

import filetype
from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cases.models import Dossier
from cases.rules import Errors
from cases.services import lock_dossier
from journal.models import MAX_MINUTES, MAX_TEXT, Document, DocumentKind, EntryKind, JournalEntry

# Content types a document may have (as ``filetype`` recognises them from the bytes).
DOCUMENT_TYPES = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)",
    "application/vnd.oasis.opendocument.text": "OpenDocument (.odt)",
}


def date_errors(dossier: Dossier, written_on: dt.date | None) -> Errors:
    """The rules of an entry's date (also checked by the form while other fields have errors)."""
    errors = Errors()
    if written_on is None:
        errors.add("written_on", _("Enter the date."))
    errors.not_in_future("written_on", written_on)
    errors.not_before_registration("written_on", written_on, dossier)
    return errors


@transaction.atomic
def write_entry(
    dossier: Dossier,
    *,
    user,
    written_on: dt.date | None,
    kind: str,
    text: str,
    minutes: int | None = None,
    confidential: bool = False,
    client=None,
    corrects: JournalEntry | None = None,
) -> JournalEntry:
    """A new journal entry (or a correction of ``corrects``). All problems at once, by field."""
    dossier = lock_dossier(user, dossier.pk)
    errors = date_errors(dossier, written_on)
    if kind not in EntryKind.values:
        errors.add("kind", _("Choose the kind of contact."))
    if minutes is not None and not 1 <= minutes <= MAX_MINUTES:
        errors.add("minutes", _("A duration is a whole number of minutes from 1 to %(max)s.") % {"max": MAX_MINUTES})
    if not (text or "").strip():
        errors.add("text", _("Write what was said or done."))
    elif len(text.strip()) > MAX_TEXT:
        errors.add("text", _("Keep the entry to at most %(max)s characters (now %(length)s); add a document for a "
                             "longer report.") % {"max": MAX_TEXT, "length": len(text.strip())})
    if client is not None and not dossier.members.filter(client=client).exists():
        errors.add("client", _("This person is not a member of the household."))
    if corrects is not None:
        readable = JournalEntry.objects.for_user(user).filter(pk=corrects.pk, dossier=dossier).exists()
        if not readable:
            errors.add("corrects", _("You can only correct an entry of this dossier that you can read."))
    errors.raise_if_any()
    entry = JournalEntry(
        dossier=dossier, client=client, written_on=written_on, kind=kind, minutes=minutes,
        author=user, confidential=confidential, text=text.strip(), corrects=corrects,
    )
    entry.save()
    return entry


def correct_entry(entry: JournalEntry, *, user, text: str, **fields) -> JournalEntry:
    """A correction: a new entry that refers to ``entry``; by default it keeps the entry's
    date, kind, member and confidentiality."""
    values = {
        "written_on": entry.written_on, "kind": entry.kind, "minutes": None,
        "confidential": entry.confidential, "client": entry.client,
    }
    values.update(fields)
    return write_entry(entry.dossier, user=user, text=text, corrects=entry, **values)


def detect_type(upload) -> str | None:
    """The content type read from the file's first bytes (never from its name)."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind else None


@transaction.atomic
def upload_document(dossier: Dossier, *, user, upload, kind: str, description: str = "") -> Document:
    dossier = lock_dossier(user, dossier.pk)
    errors = Errors()
    if upload is None:
        errors.add("file", _("Choose a file."))
    else:
        if upload.size > settings.DOCUMENT_MAX_BYTES:
            errors.add("file", _("The file is larger than %(max)s.")
                       % {"max": filesizeformat(settings.DOCUMENT_MAX_BYTES)})
        elif upload.size == 0:
            errors.add("file", _("The file is empty."))
        elif detect_type(upload) not in DOCUMENT_TYPES:
            errors.add("file", _("This kind of file is not accepted. Accepted: %(types)s.")
                       % {"types": ", ".join(DOCUMENT_TYPES.values())})
    if kind not in DocumentKind.values:
        errors.add("kind", _("Choose what kind of document this is."))
    errors.raise_if_any()
    document = Document(
        dossier=dossier, kind=kind, description=description.strip()[:200], uploaded_by=user,
        original_name=upload.name[-255:], content_type=detect_type(upload), size=upload.size,
    )
    document.file.save("upload", upload, save=False)
    document.save()
    return document
