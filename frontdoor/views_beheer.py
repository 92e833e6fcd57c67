"""Functional administration of the front door: the queue of unrouted signals (routed by hand),
the upload of a signal file (all or nothing, every problem named) and the teams' postcode areas.
Beheer only; every page that shows signals logs the look."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cases.audit import log_access
from cases.models import AccessAction, Team
from cases.permissions import beheer_required
from cases.shortcuts import paginate, submit_form
from frontdoor import earlysignals, intake, services
from frontdoor.forms import RouteForm, SignalsUploadForm, TeamAreasForm
from frontdoor.models import EarlySignal, TeamArea

PAGE_SIZE = 50


@beheer_required
def queue(request: HttpRequest) -> HttpResponse:
    """Signals whose PC4 no team serves: route each to a team by hand."""
    form = RouteForm(request.POST or None)
    pk = request.POST.get("signal", "")
    if pk.isdigit() and (submitted := submit_form(request, form, lambda data: earlysignals.route_by_hand(
            request.user, int(pk), data["team"]), success=_("The signal has been routed."))):
        log_access(request, AccessAction.CHANGE, detail=_("Early signal %(ref)s routed to %(team)s")
                   % {"ref": submitted.result.ref, "team": submitted.result.team.name})
        return redirect("frontdoor:queue")
    page = paginate(request, EarlySignal.objects.unrouted().order_by("received_on", "pk"), PAGE_SIZE)
    log_access(request, AccessAction.VIEW, detail=_("Unrouted early signals"))
    return render(request, "frontdoor/queue.html", {"page": page, "form": RouteForm()})


@beheer_required
def upload(request: HttpRequest) -> HttpResponse:
    form = SignalsUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = intake.take_in(form.cleaned_data["file"].read())
        if result.ok:
            log_access(request, AccessAction.CREATE, detail=_("Signal file: %(count)d new signals")
                       % {"count": result.created})
            messages.success(request, _("%(created)d new signals stored (%(known)d already received, "
                                        "%(unrouted)d unrouted).") % {"created": result.created, "known": result.known,
                                                                     "unrouted": result.unrouted})
            return redirect("frontdoor:queue" if result.unrouted else "frontdoor:upload")
    return render(request, "frontdoor/upload.html", {"form": form, "result": result})


@beheer_required
def areas(request: HttpRequest) -> HttpResponse:
    """Every team with the postcode areas it serves; ``?team=`` edits one team's areas."""
    teams = list(Team.objects.order_by("name"))
    served: dict[int, list[str]] = {}
    for team_id, pc4 in TeamArea.objects.order_by("pc4").values_list("team_id", "pc4"):
        served.setdefault(team_id, []).append(pc4)
    editing = get_object_or_404(Team, code=request.GET["team"]) if request.GET.get("team") else None
    form = None
    if editing is not None:
        form = TeamAreasForm(request.POST or None, initial={"pc4s": " ".join(served.get(editing.pk, []))})
        if request.method == "POST" and form.is_valid():
            found, wrong = services.parse_pc4s(form.cleaned_data["pc4s"])
            if wrong:
                form.add_error("pc4s", _("Not a postcode area (four digits): %(wrong)s") % {"wrong": ", ".join(wrong)})
            elif submit_form(request, form, lambda data: services.set_team_areas(request.user, editing, found),
                             success=_("The postcode areas have been saved.")):
                return redirect("frontdoor:areas")
    rows = [{"team": t, "pc4s": served.get(t.pk, [])} for t in teams]
    return render(request, "frontdoor/areas.html", {"rows": rows, "editing": editing, "form": form,
                                                    "unrouted": EarlySignal.objects.unrouted().count()})
