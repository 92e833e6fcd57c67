"""The Wmo toegang section of the dossier page, its timeline items and its open items at
closing, registered with ``cases.extensions``."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from cases.extensions import OpenItem, TimelineItem
from cases.models import Dossier
from cases.permissions import team_ids
from maatwerk.models import Melding
from toegang.models import Letter, Message, ProviderRequest, RequestStatus


def toegang_panel_context(request: HttpRequest, dossier: Dossier, members: Any) -> dict[str, Any]:
    """Meldingen with their deadline, open requests of providers: 2 queries."""
    meldingen = list(Melding.objects.filter(dossier=dossier).select_related("client").order_by("-melding_on", "-pk"))
    requests = list(ProviderRequest.objects.filter(dossier=dossier, status=RequestStatus.OPEN)
                    .select_related("provider"))
    return {"dossier": dossier, "meldingen": meldingen, "open_requests": requests}


def toegang_timeline(request: HttpRequest, dossier: Dossier) -> list[TimelineItem]:
    if dossier.team_id not in team_ids(request.user):
        return []
    items = []
    for letter in Letter.objects.filter(referral__dossier=dossier).select_related("referral__product")[:100]:
        items.append(TimelineItem(at=letter.created_at, title=_("Beschikking"), on=letter.issued_on,
                                  detail=f"{letter.get_kind_display()}: {letter.referral.product.name}",
                                  user=letter.created_by, url=reverse("toegang:dossier", args=[dossier.pk])))
    for message in Message.objects.filter(dossier=dossier).order_by("-created_at")[:100]:
        items.append(TimelineItem(at=message.created_at, title=_("iWmo message"),
                                  detail=f"{message.get_kind_display()} ({message.get_status_display()})",
                                  url=message.get_absolute_url()))
    return items


def open_requests(dossier: Dossier) -> list[OpenItem]:
    """A provider's request still awaiting a decision is decided on its own page first."""
    return [
        OpenItem(label=_("request of %(provider)s (iWmo %(kind)s) of %(date)s awaits a decision")
                 % {"provider": r.provider.name, "kind": r.kind, "date": r.received_on.strftime("%d-%m-%Y")},
                 url=r.get_absolute_url())
        for r in ProviderRequest.objects.filter(dossier=dossier, status=RequestStatus.OPEN).select_related("provider")
    ]
