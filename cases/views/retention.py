"""Retention, destruction (two functional administrators) and inzage (AVG art. 15) pages."""

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import inzage, retention
from cases.audit import log_access
from cases.models import AccessAction, Client, DestructionList, DestructionStatus
from cases.permissions import beheer_required
from cases.views.accesslog import _find_client

SHOWN_DUE = 200


def _errors(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


@beheer_required
def retention_overview(request):
    """What is due per data kind (dossier numbers, teams and closure dates: no persons), the
    lists awaiting a second administrator, and the record of past destructions."""
    errors = []
    if request.method == "POST":
        try:
            destruction = retention.propose(user=request.user, kind=request.POST.get("kind", retention.WHOLE))
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("Destruction list %(number)d proposed. A second functional administrator "
                                        "must approve it.") % {"number": destruction.pk})
            return redirect("cases:destruction", pk=destruction.pk)
    summary = retention.due_summary()
    due = retention.due().select_related("team")[:SHOWN_DUE]
    lists = DestructionList.objects.select_related("proposed_by", "decided_by")[:50]
    return render(request, "cases/retention.html", {
        "summary": summary, "due": due, "shown_due": SHOWN_DUE, "lists": lists, "errors": errors,
    }, status=400 if errors else 200)


@beheer_required
def destruction_detail(request, pk):
    destruction = get_object_or_404(DestructionList.objects.select_related("proposed_by", "decided_by"), pk=pk)
    errors = []
    if request.method == "POST":
        decision = request.POST.get("decision")
        asks_confirmation = (decision == "approve" and request.POST.get("confirmed") != "yes"
                             and destruction.proposed_by_id != request.user.pk)  # the service refuses the proposer
        try:
            if asks_confirmation:
                pass  # irreversible: the page names what will happen, with the button that does it
            elif decision == "approve":
                retention.destroy(destruction.pk, user=request.user)
                messages.success(request, _("The dossiers on this list have been destroyed."))
            elif decision == "withdraw":
                retention.withdraw(destruction.pk, user=request.user)
                messages.success(request, _("The list has been withdrawn."))
            else:
                raise ValidationError(_("Choose to approve or to withdraw the list."))
        except ValidationError as error:
            errors = _errors(error)
        else:
            if not asks_confirmation:
                return redirect("cases:destruction", pk=destruction.pk)
    proposed = destruction.status == DestructionStatus.PROPOSED
    return render(request, "cases/destruction.html", {
        "destruction": destruction, "errors": errors, "proposed": proposed,
        "confirm": request.method == "POST" and not errors and proposed,
        "own_proposal": destruction.proposed_by_id == request.user.pk,
        "items": destruction.items.select_related("dossier__team").order_by("dossier_id")[:SHOWN_DUE]
        if proposed else [],
        "shown_due": SHOWN_DUE, "counts": _readable_counts(destruction.counts),
    }, status=400 if errors else 200)


@beheer_required
def inzage_page(request):
    """Find a client (number, source key or BSN) and download the export."""
    term = request.GET.get("client", "").strip()
    client = _find_client(term) if term else None
    sections = []
    if client:
        log_access(request, AccessAction.VIEW, client=client, detail=_("inzage (AVG art. 15): overview"))
        sections = [(s.title, len(s.rows)) for s in inzage.collect(client)]
    return render(request, "cases/inzage.html", {
        "term": term, "client": client, "sections": sections, "not_found": bool(term) and not client,
    })


@require_POST
@beheer_required
def inzage_export(request, client_pk, fmt):
    """The export itself (POST: it is logged, so a link or a prefetch does not make one)."""
    client = get_object_or_404(Client, pk=client_pk)
    sections = inzage.collect(client)
    log_access(request, AccessAction.EXPORT, client=client,
               detail=_("inzage (AVG art. 15): %(format)s") % {"format": fmt.upper()})
    if fmt == "pdf":
        response = HttpResponse(inzage.as_pdf(client, sections), content_type="application/pdf")
    else:
        response = HttpResponse(inzage.as_json(client, sections), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inzage-client-{client.pk}.{fmt}"'
    return response


def _readable_counts(counts: dict) -> list[tuple[str, int]]:
    """The destruction report's counts by the Dutch name of what was removed, not "cases.Client"."""
    own = {  # models whose plural Django made from the code name
        "cases.DossierSafeguard": _("Safeguards at closure"), "cases.DossierEvent": _("Dossier history"),
        "cases.DestructionItem": _("Destruction list entries"), "maatwerk.StatusChange": _("Referral status changes"),
        "maatwerk.AllocationCounter": _("Allocation numbers"), "plans.PlanEvent": _("Plan history"),
        "portal.ActionDone": _("Support reported as done"), "portal.SharedDocument": _("Shared documents"),
        "portal.GoalApplication": _("E-health apps offered for goals"),
    }
    named = []
    for label, number in counts.items():
        try:
            name = own.get(label) or str(apps.get_model(label)._meta.verbose_name_plural)
        except (LookupError, ValueError):
            name = _("other records")
        named.append((name[:1].upper() + name[1:], number))
    return sorted(named)
