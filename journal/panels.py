"""The journal and documents section of the dossier page and the journal's timeline items,
registered with ``cases.extensions``."""

from django.urls import reverse
from django.utils.translation import gettext as _

from cases.extensions import TimelineItem
from cases.models import AccessAction
from journal.models import FOLD_AFTER, Document, JournalEntry
from journal.reading import log_read, threads

PANEL_ENTRIES = 3


def journal_panel_context(request, dossier, members) -> dict:
    """The latest entries (logged: the page shows their text) and the documents: 4 queries."""
    latest = list(threads(request.user, dossier)[:PANEL_ENTRIES])
    log_read(request, dossier, latest, AccessAction.VIEW)
    documents = list(Document.objects.for_user(request.user).filter(dossier=dossier).select_related("uploaded_by"))
    return {"dossier": dossier, "entries": latest, "documents": documents, "can_write": not dossier.is_closed,
            "fold_after": FOLD_AFTER}


def journal_timeline(request, dossier) -> list[TimelineItem]:
    """One line per readable entry: kind, date and author, never the text (so the timeline
    shows no entry text and needs no access-log line of its own)."""
    entries = JournalEntry.objects.for_user(request.user).filter(dossier=dossier).select_related("author")
    items = []
    for entry in entries[:200]:
        title = _("Correction (journal)") if entry.corrects_id else _("Journal: %(kind)s") % {
            "kind": entry.get_kind_display()}
        items.append(TimelineItem(
            at=entry.created_at, on=entry.written_on, title=title, user=entry.author,
            detail=_("%(minutes)s min.") % {"minutes": entry.minutes} if entry.minutes else "",
            url=reverse("journal:list", args=[dossier.pk]) + f"#entry-{entry.pk}",
        ))
    return items
