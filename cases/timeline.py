"""What the dossier holds, on its timeline, also when no event recorded it (a bundle import
stores the dates, not the history): every lifecycle date without its event becomes a line
of its own, dated on the business date and shown as coming from the import."""

import datetime as dt

from django.utils import timezone

from cases.extensions import TimelineItem
from cases.models import EventKind

# (event kind, date field, detail of the dossier shown with it)
FACTS = (
    (EventKind.REGISTERED, "registered_on", None),
    (EventKind.FIRST_CONTACT, "first_contact_on", "get_first_contact_location_display"),
    (EventKind.SUPPORT_STARTED, "support_started_on", None),
    (EventKind.CLOSED, "closed_on", "get_closure_reason_display"),
)


def on_date(day: dt.date) -> dt.datetime:
    """A business date as a moment, for sorting the timeline (start of the day, local time)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def recorded_facts(dossier, events) -> list[TimelineItem]:
    """Lines for the dossier's dates that no event of their kind covers (no queries)."""
    kinds = {event.kind for event in events}
    items = []
    for kind, field, detail in FACTS:
        day = getattr(dossier, field)
        if day is None or kind in kinds:
            continue
        text = getattr(dossier, detail)() if detail else ""
        items.append(TimelineItem(at=on_date(day), title=str(kind.label), on=day, detail=text,
                                  extra={"imported": True}))
    return items
