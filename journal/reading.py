"""Reading the journal the way every page shows it: originals with their corrections,
only what the user may read, and each read of entry text in the access log."""

from django.db.models import Exists, OuterRef, Prefetch, Q

from cases.audit import log_access_many
from journal.models import JournalEntry


def readable(user, dossier):
    return JournalEntry.objects.for_user(user).filter(dossier=dossier)


def threads(user, dossier, query: str = ""):
    """Entries to list: originals, and corrections whose original the user cannot read;
    each with its readable corrections (``entry.shown_corrections``), newest first."""
    entries = readable(user, dossier)
    top = entries.filter(Q(corrects__isnull=True) | ~Q(corrects__in=entries.values("pk")))
    if query:
        matching_correction = entries.filter(corrects=OuterRef("pk"), text__icontains=query)
        top = top.filter(Q(text__icontains=query) | Exists(matching_correction))
    corrections = entries.filter(corrects__isnull=False).select_related("author", "client").order_by("created_at", "id")
    return top.select_related("author", "client").prefetch_related(
        Prefetch("corrections", queryset=corrections, to_attr="shown_corrections")
    )


def log_read(request, dossier, entries, action: str, what: str = "journal") -> None:
    """Access-log lines naming the entries whose text the page shows, one per member of the
    household (the entries name them), in one insert."""
    ids = []
    for entry in entries:
        ids.append(entry.pk)
        ids.extend(c.pk for c in getattr(entry, "shown_corrections", ()))
    if ids:
        log_persons(request, dossier, action, f"{what}: " + ",".join(map(str, ids)))


def log_persons(request, dossier, action: str, detail: str) -> None:
    """One access-log line per member of the household, in one insert."""
    clients = [m.client for m in dossier.members.select_related("client")]
    log_access_many(request, action, clients=clients, dossier=dossier, detail=detail)
