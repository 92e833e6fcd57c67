"""The front door's team pages: the short contact form (under a minute, on a phone), the team's
and a worker's short contacts per day or week, the signal inbox by age and term, and a signal
with its outreach attempts and outcome. Every view starts from the user's scope (``for_user``:
another team's rows are a 404) and logs the persons it shows; the rules are in the services."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.audit import log_access, log_access_rows
from cases.models import AccessAction, Dossier
from cases.permissions import team_ids
from cases.rules import today
from cases.shortcuts import get_team, paginate, run_action, submit_form
from cases.views.clients import ClientResolution
from frontdoor import earlysignals, services
from frontdoor.forms import AttemptForm, OutcomeForm, ShortContactForm
from frontdoor.models import EarlySignal, ShortContact, first_attempt_due
from frontdoor.services import topics

PAGE_SIZE = 50


def _signal(request: HttpRequest, pk: int) -> EarlySignal:
    found: EarlySignal = get_object_or_404(
        EarlySignal.objects.for_user(request.user).select_related("team", "dossier", "short_contact"), pk=pk)
    return found


def _contact(request: HttpRequest, pk: int) -> ShortContact:
    found: ShortContact = get_object_or_404(
        ShortContact.objects.for_user(request.user).select_related("team", "worker", "client", "dossier"), pk=pk)
    return found


def contact_new(request: HttpRequest) -> HttpResponse:
    """Kort contact: anonymous by default; named with the registration's duplicate check. From a
    signal (``?signaal=``) the contact is linked to that signal once saved."""
    if not team_ids(request.user):
        raise PermissionDenied
    signal = _signal(request, int(request.GET["signaal"])) if request.GET.get("signaal", "").isdigit() else None
    initial: dict[str, Any] = {}
    if signal is not None:
        initial = {"team": signal.team_id, "channel": "huisbezoek", "topic": "financien", "anonymous": False}
    form = ShortContactForm(request.POST or None, user=request.user, initial=initial)
    person = ClientResolution(request)
    anonymous = request.method == "POST" and bool(request.POST.get("anonymous"))
    valid = request.method == "POST" and form.is_valid()
    client = None
    if valid and not anonymous and person.form.is_valid():
        client = person.resolve()
    ready = valid and (anonymous or client is not None)

    def register(data: dict[str, Any]) -> ShortContact:
        contact = services.register_short_contact(
            user=request.user, team=data["team"], contacted_on=data["contacted_on"], channel=data["channel"],
            topic=data["topic"], outcome=data["outcome"], anonymous=data["anonymous"], client=client,
            summary=data["summary"], referred_to=data["referred_to"], minutes=data["minutes"])
        if signal is not None:
            earlysignals.link_short_contact(request.user, signal.pk, contact)
        return contact

    if ready and (submitted := submit_form(request, form, register, success=_("The short contact has been saved."))):
        contact = submitted.result
        log_access(request, AccessAction.CREATE, client=contact.client, detail=_("Short contact %(ref)s")
                   % {"ref": contact.ref})
        if signal is not None:
            return redirect("frontdoor:signal", signal.pk)
        if "again" in request.POST:
            return redirect("frontdoor:contact_new")
        return redirect("frontdoor:contact", contact.pk)
    return render(request, "frontdoor/contact_form.html", {"form": form, "person": person, "signal": signal})


def contact(request: HttpRequest, pk: int) -> HttpResponse:
    found = _contact(request, pk)
    log_access(request, AccessAction.VIEW, client=found.client, dossier=found.dossier,
               detail=_("Short contact %(ref)s") % {"ref": found.ref})
    return render(request, "frontdoor/contact.html", {"contact": found,
                                                      "topic_label": dict(topics()).get(found.topic, found.topic)})


@require_POST
def contact_convert(request: HttpRequest, pk: int) -> HttpResponse:
    found = _contact(request, pk)
    confirmed = bool(request.POST.get("confirm_other_open"))
    if submitted := run_action(request, lambda: services.convert_to_dossier(
            request.user, found.pk, lead_worker=request.user, confirm_other_open=confirmed),
            success=_("The dossier has been registered.")):
        dossier: Dossier = submitted.result
        log_access(request, AccessAction.CREATE, dossier=dossier, client=found.client)
        for linked in EarlySignal.objects.filter(short_contact=found, dossier__isnull=True):
            earlysignals.link_dossier(request.user, linked.pk, dossier)
        return redirect(dossier)
    return redirect("frontdoor:contact", found.pk)


def _week_of(text: str) -> dt.date:
    """Monday of the ISO week ``2026-W49``, or of this week."""
    try:
        year, week = text.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        now = today()
        return now - dt.timedelta(days=now.weekday())


def contacts(request: HttpRequest, code: str) -> HttpResponse:
    """The team's short contacts of one week (``?week=2026-W49``), by day; ``?mijn=1``: the user's own."""
    team = get_team(request, code)
    monday = _week_of(request.GET.get("week", ""))
    sunday = monday + dt.timedelta(days=6)
    own = request.GET.get("mijn") == "1"
    rows = ShortContact.objects.for_user(request.user).filter(team=team, contacted_on__range=(monday, sunday))
    if own:
        rows = rows.filter(worker=request.user)
    listed = list(rows.select_related("worker", "client").order_by("contacted_on", "pk"))
    days: list[dict[str, Any]] = [{"day": monday + dt.timedelta(days=i), "contacts": []} for i in range(7)]
    labels = dict(topics())
    for item in listed:
        item.topic_label = labels.get(item.topic, item.topic)
        days[(item.contacted_on - monday).days]["contacts"].append(item)
    log_access_rows(request, AccessAction.VIEW, [(None, c.client_id) for c in listed if c.client_id],
                    detail=_("Short contacts of %(team)s") % {"team": team.name})
    iso = monday.isocalendar()
    before, after = monday - dt.timedelta(days=7), monday + dt.timedelta(days=7)
    return render(request, "frontdoor/contacts.html", {
        "team": team, "days": [d for d in days if d["contacts"]], "count": len(listed), "own": own,
        "monday": monday, "sunday": sunday, "week": f"{iso[0]}-W{iso[1]:02d}",
        "before": f"{before.isocalendar()[0]}-W{before.isocalendar()[1]:02d}",
        "after": f"{after.isocalendar()[0]}-W{after.isocalendar()[1]:02d}" if after <= today() else "",
    })


def inbox(request: HttpRequest, code: str) -> HttpResponse:
    """The team's open signals, oldest first, with the term of the first attempt; then the closed."""
    team = get_team(request, code)
    now = today()
    open_ = list(EarlySignal.objects.for_user(request.user).filter(team=team, outcome="")
                 .annotate(attempt_count=Count("attempts"), first_on=Min("attempts__attempted_on"))
                 .order_by("received_on", "pk"))
    for signal in open_:
        signal.due_on = first_attempt_due(signal.received_on)
        signal.is_overdue = not signal.attempt_count and now > signal.due_on
    closed = paginate(request, EarlySignal.objects.for_user(request.user).filter(team=team).exclude(outcome="")
                      .order_by("-outcome_on", "-pk"), PAGE_SIZE, param="afgerond")
    log_access_rows(request, AccessAction.VIEW, [(s.dossier_id, None) for s in [*open_, *closed] if s.dossier_id],
                    detail=_("Early signals of %(team)s") % {"team": team.name})
    return render(request, "frontdoor/inbox.html", {
        "team": team, "open": open_, "closed": closed, "today": now,
        "overdue": sum(1 for s in open_ if s.is_overdue),
    })


def signal(request: HttpRequest, pk: int) -> HttpResponse:
    """One signal: record an attempt in a few taps, set the outcome, turn it into a short contact."""
    found = _signal(request, pk)
    attempt_form = AttemptForm(request.POST if request.POST.get("form") == "attempt" else None, prefix="attempt")
    outcome_form = OutcomeForm(request.POST if request.POST.get("form") == "outcome" else None, prefix="outcome")
    if submit_form(request, attempt_form, lambda data: earlysignals.record_attempt(
            request.user, found.pk, on=data["on"], kind=data["kind"], result=data["result"]),
            success=_("The attempt has been recorded.")) or submit_form(
            request, outcome_form, lambda data: earlysignals.set_outcome(
                request.user, found.pk, outcome=data["outcome"], outcome_on=data["outcome_on"]),
            success=_("The outcome has been saved.")):
        log_access(request, AccessAction.CHANGE, dossier=found.dossier,
                   detail=_("Early signal %(ref)s") % {"ref": found.ref})
        return redirect("frontdoor:signal", found.pk)
    log_access(request, AccessAction.VIEW, dossier=found.dossier, detail=_("Early signal %(ref)s") % {"ref": found.ref})
    attempts = list(found.attempts.order_by("attempted_on", "pk"))
    return render(request, "frontdoor/signal.html", {
        "signal": found, "attempts": attempts, "attempt_form": attempt_form, "outcome_form": outcome_form,
        "due_on": first_attempt_due(found.received_on),
        "overdue": earlysignals.overdue(found, has_attempt=bool(attempts)),
    })
