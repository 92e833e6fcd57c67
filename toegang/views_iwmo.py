"""The iWmo pages of a team: the messages of its referrals, one message as it was sent or
received, and a provider's request to decide. Scoped by ``for_user``; another team's message
is a 404."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cases.audit import log_access, log_access_rows
from cases.models import AccessAction
from cases.shortcuts import get_team, paginate, submit_form
from toegang import requests as request_services
from toegang.forms import DecideRequestForm
from toegang.models import Message, ProviderRequest, RequestStatus

PAGE_SIZE = 50


def team_messages(request: HttpRequest, code: str) -> HttpResponse:
    team = get_team(request, code)
    messages_ = (Message.objects.for_user(request.user).filter(dossier__team=team)
                 .select_related("client").defer("xml").order_by("-created_at", "-pk"))
    page = paginate(request, messages_, PAGE_SIZE)
    log_access_rows(request, AccessAction.VIEW, [(m.dossier_id, m.client_id) for m in page],
                    detail=_("iWmo messages %(team)s") % {"team": team.name})
    return render(request, "toegang/messages.html", {"team": team, "page": page})


def message(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Message.objects.for_user(request.user).select_related("dossier", "client"), pk=pk)
    log_access(request, AccessAction.VIEW, dossier=found.dossier, client=found.client, detail=str(found))
    return render(request, "toegang/message.html", {
        "message": found, "dossier": found.dossier, "referrals": list(found.referrals.select_related("product")),
    })


def provider_request(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(ProviderRequest.objects.for_user(request.user)
                              .select_related("dossier__team", "client", "provider", "message"), pk=pk)
    form = DecideRequestForm(request.POST or None)
    if found.status == RequestStatus.OPEN and submit_form(
            request, form, lambda data: request_services.decide_request(
                found, user=request.user, status=data["status"], refusal_reason=data["refusal_reason"],
                reasons=data["reasons"], volume=data["volume"], frequency=data["frequency"]),
            success=_("The request has been decided; the provider is told.")):
        log_access(request, AccessAction.CHANGE, dossier=found.dossier, client=found.client, detail=str(found))
        return redirect("toegang:request", found.pk)
    log_access(request, AccessAction.VIEW, dossier=found.dossier, client=found.client, detail=str(found))
    return render(request, "toegang/request.html", {
        "provider_request": found, "dossier": found.dossier, "form": form,
        "referrals": list(found.referrals.select_related("product")),
    })
