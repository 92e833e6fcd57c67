"""A worker's appointments as an iCalendar (RFC 5545) feed, for Outlook or a phone calendar.

The feed leaves the building, so it carries no personal data by default: per appointment
the kind, the time, the place kind ("at home", not the address) and a link to the
appointment's page (which asks for the login). The dossier number only when the worker
turns it on (``CalendarFeed.show_dossier_number``); never a name, an address or a BSN.
The address is a secret token (only its hash is stored); a new address revokes the old one."""

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from agenda.models import Appointment, CalendarFeed, FeedFetch, Outcome, token_hash

DAYS_BACK = 30
DAYS_AHEAD = 365


@transaction.atomic
def new_address(user: Any) -> str:
    """A new secret token for the user's feed (the old one stops working): returned once."""
    token = secrets.token_urlsafe(32)
    feed, _created = CalendarFeed.objects.select_for_update().get_or_create(
        user=user, defaults={"token_hash": token_hash(token)})
    feed.token_hash, feed.active = token_hash(token), True
    feed.save(update_fields=["token_hash", "active"])
    return token


def revoke(user: Any) -> None:
    CalendarFeed.objects.filter(user=user).update(active=False)


def find(token: str) -> CalendarFeed | None:
    return (CalendarFeed.objects.filter(token_hash=token_hash(token), active=True, user__is_active=True)
            .select_related("user").first())


def calendar(feed: CalendarFeed, *, link: Any) -> tuple[bytes, int]:
    """The feed's iCalendar text and the number of appointments in it. ``link(appointment)``
    gives the absolute address of an appointment's page."""
    now = timezone.now()
    appointments = list(Appointment.objects.filter(workers=feed.user, starts_at__gte=now - dt.timedelta(
        days=DAYS_BACK), starts_at__lte=now + dt.timedelta(days=DAYS_AHEAD)).order_by("starts_at"))
    with translation.override(settings.LANGUAGE_CODE):
        cal = Calendar()
        cal.add("prodid", "-//buurtteam//afspraken//NL")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", _("Buurtteam appointments"))
        for appointment in appointments:
            event = Event()
            event.add("uid", f"{appointment.ref}@buurtteam")
            event.add("dtstamp", appointment.updated_at)
            event.add("dtstart", appointment.starts_at)
            event.add("dtend", appointment.ends_at)
            summary = appointment.get_kind_display()
            if feed.show_dossier_number:
                summary = _("%(kind)s · dossier %(number)s") % {"kind": summary, "number": appointment.dossier_id}
            event.add("summary", summary)
            event.add("location", appointment.get_place_kind_display())
            url = link(appointment)
            event.add("url", url)
            event.add("description", url)
            event.add("status", "CANCELLED" if appointment.outcome == Outcome.CANCELLED else "CONFIRMED")
            cal.add_component(event)
    return cal.to_ical(), len(appointments)


def log_fetch(feed: CalendarFeed, *, remote_addr: str | None, user_agent: str, count: int) -> None:
    FeedFetch.objects.create(feed=feed, remote_addr=remote_addr, user_agent=user_agent[:200], appointments=count)
