"""The appointments and letters section of the dossier page and their timeline items,
registered with ``cases.extensions``."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.models import Appointment, Letter
from cases.extensions import TimelineItem
from cases.models import Dossier
from cases.permissions import team_ids


def agenda_panel_context(request: HttpRequest, dossier: Dossier, members: Any) -> dict[str, Any]:
    """The next planned appointments and the last letters: 2 queries."""
    upcoming = list(Appointment.objects.filter(dossier=dossier, outcome="", ends_at__gte=timezone.now())
                    .order_by("starts_at")[:5])
    letters = list(Letter.objects.filter(dossier=dossier).select_related("template").order_by("-created_at")[:5])
    return {"dossier": dossier, "upcoming": upcoming, "letters": letters}


def agenda_timeline(request: HttpRequest, dossier: Dossier) -> list[TimelineItem]:
    if dossier.team_id not in team_ids(request.user):
        return []
    items = []
    for appointment in Appointment.objects.filter(dossier=dossier).exclude(outcome="").select_related(
            "outcome_by").order_by("-starts_at")[:100]:
        items.append(TimelineItem(
            at=appointment.starts_at, title=_("Appointment"), on=timezone.localdate(appointment.starts_at),
            detail=f"{appointment.get_kind_display()}: {appointment.get_outcome_display()}",
            user=appointment.outcome_by, url=appointment.get_absolute_url()))
    for letter in Letter.objects.filter(dossier=dossier).select_related("template", "created_by", "client")[:100]:
        items.append(TimelineItem(
            at=letter.created_at, title=_("Letter"), on=timezone.localdate(letter.created_at),
            detail=f"{letter.template.name} · {letter.client.display_name}", user=letter.created_by,
            url=reverse("journal:document", args=[dossier.pk, letter.document_id])))
    return items
