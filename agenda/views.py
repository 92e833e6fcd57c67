"""The appointment pages: a dossier's appointments, planning and changing one (with the
workers' conflicts), recording its outcome, a worker's day and week and the team's week.
Every view starts from the user's scope (``get_dossier``, ``for_user``); the rules are in
``agenda.services``."""

import datetime as dt
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import services
from agenda.forms import AppointmentForm, OutcomeForm
from agenda.models import Appointment, LetterTemplate
from cases.audit import log_access_many, log_access_rows
from cases.forms import workers_of
from cases.models import AccessAction, Client
from cases.shortcuts import get_dossier, get_team, submit_form

CONFIRMATION = "bevestiging-afspraak"  # the shipped letter that confirms an appointment (printable)


def _with_people(queryset: QuerySet[Appointment]) -> QuerySet[Appointment]:
    return queryset.select_related("dossier").prefetch_related(
        "workers", Prefetch("members", queryset=Client.objects.order_by("pk")))


def _appointment(request: HttpRequest, pk: int) -> Appointment:
    found: Appointment = get_object_or_404(
        _with_people(Appointment.objects.for_user(request.user)).select_related("dossier__team", "outcome_by"), pk=pk)
    return found


def _log(request: HttpRequest, appointments: list[Appointment], detail: str) -> None:
    log_access_rows(request, AccessAction.VIEW,
                    [(a.dossier_id, m.pk) for a in appointments for m in a.members.all()], detail=detail)


def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_dossier(request, pk)
    appointments = list(_with_people(Appointment.objects.for_user(request.user).filter(dossier=found))
                        .order_by("-starts_at"))
    _log(request, appointments, _("Appointments"))
    return render(request, "agenda/dossier.html", {"dossier": found, "appointments": appointments,
                                                   "now": timezone.now()})


def _form_page(request: HttpRequest, form: AppointmentForm, dossier: Any, appointment: Any = None) -> HttpResponse:
    log_access_many(request, AccessAction.VIEW, dossier=dossier, clients=[m.client_id for m in dossier.members.all()],
                    detail=_("Plan an appointment"))
    return render(request, "agenda/appointment_form.html", {"dossier": dossier, "form": form,
                                                            "appointment": appointment})


def plan(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_dossier(request, pk)
    form = AppointmentForm(request.POST or None, dossier=found, initial={
        "workers": [request.user], "members": [m.client for m in found.members.all()[:1]]})
    if submitted := submit_form(request, form, lambda data: services.plan(found, user=request.user,
                                                                           **form.service_data()),
                                success=_("The appointment has been planned.")):
        log_access_many(request, AccessAction.CREATE, dossier=found,
                        clients=[m.pk for m in submitted.result.members.all()], detail=_("Appointment"))
        return redirect("agenda:appointment", submitted.result.pk)
    return _form_page(request, form, found)


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    appointment = _appointment(request, pk)
    found = get_dossier(request, appointment.dossier_id)
    form = AppointmentForm(request.POST or None, dossier=found, initial=AppointmentForm.initial_of(appointment))
    if submit_form(request, form, lambda data: services.change(appointment, user=request.user, **form.service_data()),
                   success=_("The appointment has been changed.")):
        log_access_many(request, AccessAction.CHANGE, dossier=found,
                        clients=[m.pk for m in appointment.members.all()], detail=_("Appointment"))
        return redirect("agenda:appointment", appointment.pk)
    return _form_page(request, form, found, appointment)


def appointment(request: HttpRequest, pk: int) -> HttpResponse:
    """One appointment, and recording its outcome."""
    found = _appointment(request, pk)
    proposes = services.proposes_support_start(found, found.dossier)
    form = OutcomeForm(request.POST or None, proposes_support=proposes)
    if submit_form(request, form, lambda data: services.record_outcome(
            found, user=request.user, outcome=data["outcome"], cancelled_by=data.get("cancelled_by") or "",
            start_support=bool(data.get("start_support"))), success=_("The outcome has been recorded.")):
        log_access_many(request, AccessAction.CHANGE, dossier=found.dossier,
                        clients=[m.pk for m in found.members.all()], detail=_("Appointment outcome"))
        return redirect("agenda:appointment", found.pk)
    _log(request, [found], _("Appointment"))
    conflicts = services.conflicts(found.workers.all(), found.starts_at, found.ends_at, exclude=found.pk) \
        if found.is_planned else []
    return render(request, "agenda/appointment.html", {
        "appointment": found, "dossier": found.dossier, "form": form, "conflicts": conflicts,
        "started": found.starts_at <= timezone.now(), "proposes_support": proposes,
        "confirmation": LetterTemplate.objects.filter(code=CONFIRMATION, active=True).first()})


def _day_param(request: HttpRequest) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("dag", ""))
    except ValueError:
        return timezone.localdate()


def _days(start: dt.date, appointments: list[Appointment], count: int) -> list[tuple[dt.date, list[Appointment]]]:
    return [(day, [a for a in appointments if timezone.localdate(a.starts_at) == day])
            for day in (start + dt.timedelta(days=n) for n in range(count))]


def _range(start: dt.date, days: int) -> tuple[dt.datetime, dt.datetime]:
    first = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
    return first, timezone.make_aware(dt.datetime.combine(start + dt.timedelta(days=days), dt.time.min))


def my_calendar(request: HttpRequest, view: str = "week") -> HttpResponse:
    """The worker's own appointments: one day (``view="dag"``) or the week of ``?dag=``."""
    day = _day_param(request)
    length = 1 if view == "dag" else 7
    start = day if length == 1 else day - dt.timedelta(days=day.weekday())
    appointments = list(_with_people(Appointment.objects.for_user(request.user).of_worker(request.user)
                                     .between(*_range(start, length))).order_by("starts_at"))
    _log(request, appointments, _("My appointments"))
    step = dt.timedelta(days=length)
    return render(request, "agenda/calendar.html", {
        "view": view, "days": _days(start, appointments, length), "start": start, "previous": start - step,
        "next": start + step, "today": timezone.localdate(), "end": start + step - dt.timedelta(days=1)})


def team_week(request: HttpRequest, code: str) -> HttpResponse:
    """The team's week: every worker's appointments on the team's dossiers, by worker and day."""
    team = get_team(request, code)
    day = _day_param(request)
    start = day - dt.timedelta(days=day.weekday())
    appointments = list(_with_people(Appointment.objects.for_user(request.user).filter(dossier__team=team)
                                     .between(*_range(start, 7))).order_by("starts_at"))
    workers = [(worker, _days(start, [a for a in appointments if worker in a.workers.all()], 7))
               for worker in workers_of([team.pk])]
    _log(request, appointments, _("Appointments of %(team)s") % {"team": team.name})
    return render(request, "agenda/team_week.html", {
        "team": team, "workers": workers, "start": start, "end": start + dt.timedelta(days=6),
        "days": [start + dt.timedelta(days=n) for n in range(7)],
        "previous": start - dt.timedelta(days=7), "next": start + dt.timedelta(days=7)})
