"""Functional administration: the refused iWmo messages whose client is unknown (they belong
to no dossier, so no team sees them). Each view is for beheer only and logs the access."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from cases.audit import log_access
from cases.models import AccessAction
from cases.permissions import beheer_required
from cases.shortcuts import paginate
from toegang.models import Message, MessageStatus
from toegang.querysets import MessageQuerySet

PAGE_SIZE = 50


def _unknown() -> MessageQuerySet:
    return Message.objects.filter(dossier__isnull=True, status=MessageStatus.REFUSED)


@beheer_required
def refused(request: HttpRequest) -> HttpResponse:
    page = paginate(request, _unknown().defer("xml").order_by("-created_at", "-pk"), PAGE_SIZE)
    return render(request, "toegang/refused.html", {"page": page})


@beheer_required
def refused_message(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(_unknown(), pk=pk)
    log_access(request, AccessAction.VIEW, detail=_("Refused iWmo message %(number)s") % {"number": found.pk})
    return render(request, "toegang/message.html", {"message": found, "dossier": None, "referrals": [],
                                                    "beheer": True})
