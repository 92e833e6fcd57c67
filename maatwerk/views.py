"""Referral pages. Every view starts from the user's scope (``get_dossier`` or
``Referral.objects.for_user``), so other teams' referrals are 404; the rules are in
``maatwerk.services``."""

import datetime as dt

from django.db.models import F
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cases.audit import log_access, log_access_many, log_access_rows
from cases.models import AccessAction
from cases.services import today
from cases.shortcuts import get_dossier, get_team, paginate, submit_form
from maatwerk import services
from maatwerk.forms import CarePeriodForm, DecideForm, ObjectionForm, RedecideForm, ReferralForm
from maatwerk.models import Product, Referral, Status

ENDING_WITHIN = dt.timedelta(weeks=8)
OVERVIEW_PAGE_SIZE = 50


def get_referral(request, pk: int) -> Referral:
    """A referral of one of the user's teams, or 404."""
    return get_object_or_404(
        Referral.objects.for_user(request.user).select_related("dossier__team", "client", "product", "provider"),
        pk=pk,
    )


def new(request, pk):
    dossier = get_dossier(request, pk)
    form = ReferralForm(request.POST or None, dossier=dossier)
    if submitted := submit_form(
        request, form,
        lambda data: services.request_referral(
            dossier, user=request.user, client=data["client"], product=data["product"], provider=data["provider"],
            form=data["form"], requested_on=data["requested_on"], notes=data["notes"], melding=data["melding"]),
        success=_("The referral has been saved."),
    ):
        referral = submitted.result
        log_access(request, AccessAction.CREATE, dossier=dossier, client=referral.client,
                   detail=_("referral: %(what)s") % {"what": referral})
        return redirect(dossier)
    # The form lists the household's members to choose from: that shows them.
    log_access_many(request, AccessAction.VIEW, dossier=dossier,
                    clients=[m.client_id for m in dossier.members.all()], detail=_("New referral"))
    return render(request, "maatwerk/referral_form.html",
                  {"dossier": dossier, "form": form, "catalogue": Product.objects.catalogue()})


def detail(request, pk):
    referral = get_referral(request, pk)
    log_access(request, AccessAction.VIEW, dossier=referral.dossier, client=referral.client,
               detail=_("referral: %(what)s") % {"what": referral})
    return render(request, "maatwerk/referral_detail.html", {
        "referral": referral,
        "dossier": referral.dossier,
        "changes": referral.status_changes.select_related("user"),
    })


def _action(request, pk, form_class, perform, *, title, success, initial=None):
    """Render ``form_class`` for a referral; on a valid POST call ``perform(referral, data, form)``.
    ``initial(referral)`` gives the form's initial values."""
    referral = get_referral(request, pk)
    form = form_class(request.POST or None, initial=initial(referral) if initial else None)
    if submit_form(request, form, lambda data: perform(referral, data, form), success=success):
        log_access(request, AccessAction.CHANGE, dossier=referral.dossier, client=referral.client,
                   detail=f"{title}: {referral}")
        return redirect(referral.dossier)
    log_access(request, AccessAction.VIEW, dossier=referral.dossier, client=referral.client,
               detail=f"{title}: {referral}")
    return render(request, "maatwerk/referral_action.html",
                  {"referral": referral, "dossier": referral.dossier, "form": form, "title": title})


def decide(request, pk):
    return _action(
        request, pk, DecideForm,
        lambda r, data, form: services.decide(
            r, user=request.user, status=data["status"], decided_on=data["decided_on"], reasons=data["reasons"],
            allocation=form.allocation() if data["status"] == Status.GRANTED else None),
        title=_("Record the decision"), success=_("The decision has been recorded."),
        initial=lambda r: {"starts_on": r.requested_on},
    )


def care_period(request, pk):
    return _action(
        request, pk, CarePeriodForm,
        lambda r, data, form: services.change_allocation(
            r, user=request.user, allocation=form.allocation(), reasons=data["reasons"],
            change=data["end_reason"] or "changed"),
        title=_("Care period and omvang"), success=_("The care period has been saved."),
        initial=lambda r: {"starts_on": r.starts_on or r.decided_on, "ends_on": r.ends_on, "volume": r.volume,
                           "frequency": r.frequency},
    )


def objection(request, pk):
    return _action(
        request, pk, ObjectionForm,
        lambda r, data, form: services.record_objection(
            r, user=request.user, objected=data["objected"], outcome=data["objection_outcome"]
        ),
        title=_("Objection (bezwaar)"), success=_("The objection has been saved."),
        initial=lambda r: {"objected": r.objected, "objection_outcome": r.objection_outcome},
    )


def redecide(request, pk):
    return _action(
        request, pk, RedecideForm,
        lambda r, data, form: services.redecide(r, user=request.user, status=data["status"],
                                                decided_on=data["decided_on"]),
        title=_("New decision after the objection"), success=_("The new decision has been recorded."),
    )


def team_overview(request, code):
    """Follow-up for a team: referrals awaiting a decision (oldest first) and granted care
    that ends within eight weeks (soonest first), both of the team's open dossiers."""
    team = get_team(request, code)
    now = today()
    referrals = (
        Referral.objects.for_user(request.user)
        .filter(dossier__team=team, dossier__closed_on__isnull=True)
        .select_related("dossier__lead_worker", "client", "product", "provider")
    )
    awaiting = referrals.filter(status=Status.REQUESTED).order_by(F("requested_on").asc(nulls_last=True), "id")
    # The provider's real dates where they exist (iWmo 305/307), else the allocation's.
    ending = (referrals.filter(status=Status.GRANTED)
              .annotate(care_starts=Coalesce("delivery_started_on", "starts_on"),
                        care_ends=Coalesce("delivery_ended_on", "ends_on"))
              .filter(care_ends__gte=now, care_ends__lte=now + ENDING_WITHIN).order_by("care_ends", "id"))
    awaiting = paginate(request, awaiting, OVERVIEW_PAGE_SIZE, param="wachtend")
    ending = paginate(request, ending, OVERVIEW_PAGE_SIZE, param="eindigend")
    log_access_rows(request, AccessAction.VIEW, [(r.dossier_id, r.client_id) for r in [*awaiting, *ending]],
                    detail=_("Referrals %(team)s") % {"team": team.name})
    return render(request, "maatwerk/team_overview.html", {
        "team": team,
        "today": now,
        "awaiting": awaiting,
        "ending": ending,
        "weeks": ENDING_WITHIN.days // 7,
    })
