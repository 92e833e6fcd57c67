"""The Wmo toegang pages of a dossier and a team: meldingen with the onderzoek's deadline and
verslag, the beschikking letters, the team overview by deadline. Every view starts from the
user's scope (``get_dossier``, ``for_user``); the rules are in the services."""

from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cases.audit import log_access, log_access_many, log_access_rows
from cases.models import AccessAction
from cases.rules import today
from cases.shortcuts import get_dossier, get_team, paginate, submit_form
from maatwerk import melding_services
from maatwerk.models import BESCHIKKING_TERM, ONDERZOEK_TERM, Melding, Referral, Status
from toegang.forms import MeldingForm, RemarksForm, VerslagForm
from toegang.letters import verslag_pdf as make_verslag_pdf
from toegang.models import Letter, Message, ProviderRequest, RequestStatus

PAGE_SIZE = 50


def _melding(request: HttpRequest, pk: int) -> Melding:
    found: Melding = get_object_or_404(Melding.objects.for_user(request.user).select_related("dossier__team", "client"),
                                      pk=pk)
    return found


def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    """The Wmo toegang of one dossier: meldingen, aanvragen with their terms, letters, messages."""
    found = get_dossier(request, pk)
    meldingen = list(Melding.objects.for_user(request.user).filter(dossier=found).select_related("client")
                     .order_by("-melding_on", "-pk"))
    referrals = list(Referral.objects.for_user(request.user).filter(dossier=found)
                     .select_related("client", "product", "provider", "melding").order_by("-requested_on", "-pk"))
    letters = list(Letter.objects.for_user(request.user).filter(referral__dossier=found)
                   .select_related("referral__product").defer("pdf"))
    messages_ = list(Message.objects.for_user(request.user).filter(dossier=found).defer("xml")[:50])
    requests_ = list(ProviderRequest.objects.for_user(request.user).filter(dossier=found).select_related("provider"))
    shown = {m.client_id for m in meldingen} | {r.client_id for r in referrals}
    log_access_many(request, AccessAction.VIEW, dossier=found, clients=[c for c in shown if c],
                    detail=_("Wmo toegang"))
    return render(request, "toegang/dossier.html", {
        "dossier": found, "meldingen": meldingen, "referrals": referrals, "letters": letters,
        "iwmo_messages": messages_, "provider_requests": requests_, "today": today(),
    })


def melding_new(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_dossier(request, pk)
    form = MeldingForm(request.POST or None, dossier=found)
    if submitted := submit_form(request, form, lambda data: melding_services.create_melding(
            found, user=request.user, client=data["client"], melding_on=data["melding_on"]),
            success=_("The melding has been saved. The onderzoek must be completed within six weeks.")):
        log_access(request, AccessAction.CREATE, dossier=found, client=submitted.result.client,
                   detail=_("Wmo melding"))
        return redirect("toegang:melding", submitted.result.pk)
    log_access_many(request, AccessAction.VIEW, dossier=found, clients=[m.client_id for m in found.members.all()],
                    detail=_("New Wmo melding"))
    return render(request, "toegang/melding_form.html", {"dossier": found, "form": form})


def melding(request: HttpRequest, pk: int) -> HttpResponse:
    """A melding: its deadline, the verslag (written, then given to the client) and the client's
    remarks (from the portal, or typed in from paper)."""
    found = _melding(request, pk)
    verslag_form = VerslagForm(request.POST if request.POST.get("form") == "verslag" else None,
                               initial={"verslag": found.verslag, "verslag_on": found.verslag_on}, prefix="verslag")
    remarks_form = RemarksForm(request.POST if request.POST.get("form") == "remarks" else None, prefix="remarks")
    if submit_form(request, verslag_form, lambda data: melding_services.record_verslag(
            found, user=request.user, verslag=data["verslag"], verslag_on=data["verslag_on"]),
            success=_("The report has been saved.")) or submit_form(
            request, remarks_form, lambda data: melding_services.record_remarks(
                found, user=request.user, remarks=data["remarks"], on=data["on"], via="papier"),
            success=_("The remarks of the client have been saved.")):
        log_access(request, AccessAction.CHANGE, dossier=found.dossier, client=found.client, detail=str(found))
        return redirect("toegang:melding", found.pk)
    log_access(request, AccessAction.VIEW, dossier=found.dossier, client=found.client, detail=str(found))
    return render(request, "toegang/melding.html", {
        "melding": found, "dossier": found.dossier, "verslag_form": verslag_form, "remarks_form": remarks_form,
        "referrals": list(found.referrals.select_related("product", "provider")), "today": today(),
    })


def verslag_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    found = _melding(request, pk)
    log_access(request, AccessAction.EXPORT, dossier=found.dossier, client=found.client,
               detail=_("Report of the onderzoek (PDF)"))
    response = HttpResponse(make_verslag_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="verslag-{found.pk}.pdf"'
    return response


def letter(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Letter.objects.for_user(request.user).select_related("referral__dossier"), pk=pk)
    log_access(request, AccessAction.EXPORT, dossier=found.referral.dossier, client=found.referral.client,
               detail=_("Beschikking letter (PDF)"))
    response = HttpResponse(bytes(found.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{found.file_name}"'
    return response


def team_overview(request: HttpRequest, code: str) -> HttpResponse:
    """Every melding whose onderzoek is open, every aanvraag awaiting its beschikking and every
    provider's request awaiting a decision, by deadline (soonest first), of the team's dossiers."""
    team = get_team(request, code)
    now = today()
    meldingen = (Melding.objects.for_user(request.user).filter(dossier__team=team, verslag_on__isnull=True)
                 .select_related("dossier", "client").order_by("melding_on", "pk"))
    aanvragen = (Referral.objects.for_user(request.user).filter(dossier__team=team, status=Status.REQUESTED)
                 .select_related("dossier", "client", "product", "provider")
                 .order_by(F("requested_on").asc(nulls_last=True), "pk"))
    requests_ = (ProviderRequest.objects.for_user(request.user).filter(dossier__team=team, status=RequestStatus.OPEN)
                 .select_related("dossier", "client", "provider").order_by("received_on", "pk"))
    meldingen = paginate(request, meldingen, PAGE_SIZE, param="meldingen")
    aanvragen = paginate(request, aanvragen, PAGE_SIZE, param="aanvragen")
    requests_ = paginate(request, requests_, PAGE_SIZE, param="verzoeken")
    log_access_rows(request, AccessAction.VIEW,
                    [(r.dossier_id, r.client_id) for r in [*meldingen, *aanvragen, *requests_]],
                    detail=_("Wmo toegang %(team)s") % {"team": team.name})
    return render(request, "toegang/team_overview.html", {
        "team": team, "today": now, "meldingen": meldingen, "aanvragen": aanvragen, "provider_requests": requests_,
        "onderzoek_days": ONDERZOEK_TERM.days, "beschikking_days": BESCHIKKING_TERM.days,
    })
