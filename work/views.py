"""Mijn werk (a generalist's start page), tasks of a dossier, and the coach's caseload,
intake queue and reassigning of lead workers. Views are thin: scoping through
``for_user``, rules in ``work.services`` and ``cases.services``."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Concat, Trim
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cases import services as case_services
from cases.audit import log_access_many
from cases.models import AccessAction, Dossier, DossierEvent, EventKind, Team
from cases.permissions import is_coach_of, roles, team_ids
from cases.services import today
from cases.shortcuts import get_dossier, get_team, paginate, run_action, submit_form, with_members
from journal.models import JournalEntry
from work import services, signals
from work.forms import ReassignDossiersForm, ReassignTaskForm, TaskForm, team_workers
from work.models import Task

RECENT = 10
LIST_LIMIT = 50
DUE_SOON_DAYS = 7


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def _members_clients(dossiers) -> list:
    return [m.client for d in dossiers for m in d.members.all()]


def my_work(request):
    user, day = request.user, today()
    mine = Dossier.objects.for_user(user).filter(lead_worker=user)
    phases = mine.open().aggregate(
        waiting=Count("pk", filter=Q(support_started_on__isnull=True)),
        active=Count("pk", filter=Q(support_started_on__isnull=False)),
    )
    tasks = list(
        Task.objects.for_user(user).open().filter(signal="")
        .filter(Q(assignee=user) | Q(assignee__isnull=True, dossier__lead_worker=user))
        .select_related("dossier").order_by("due_on", "id")[:LIST_LIMIT]
    )
    signal_list = list(Task.objects.for_user(user).open().signals().filter(dossier__lead_worker=user)
                       .select_related("dossier").order_by("due_on", "id")[:LIST_LIMIT])
    involved = Dossier.workers.through.objects.filter(dossier_id=OuterRef("pk"), user=user)
    recent = list(with_members(Dossier.objects.for_user(user).filter(Q(lead_worker=user) | Exists(involved))
                               .select_related("team").order_by("-updated_at", "-id")[:RECENT]))
    log_access_many(request, AccessAction.VIEW, clients=_members_clients(recent), detail="mijn werk")
    soon = day + dt.timedelta(days=DUE_SOON_DAYS)
    return render(request, "work/my_work.html", {
        "phases": phases, "open_total": phases["waiting"] + phases["active"],
        "overdue": [t for t in tasks if t.due_on and t.due_on < day],
        "due": [t for t in tasks if t.due_on and day <= t.due_on <= soon],
        "later": [t for t in tasks if not t.due_on or t.due_on > soon],
        "signals": signal_list, "recent": recent, "today": day,
    })


@require_POST
def refresh_signals(request):
    """On demand: derive the signals of the user's teams now."""
    if not team_ids(request.user):
        raise PermissionDenied
    signals.derive(team_ids=team_ids(request.user))
    messages.success(request, _("The signals have been brought up to date."))
    return _back(request, reverse("work:my_work"))


def task_new(request, pk):
    dossier = get_dossier(request, pk)
    form = TaskForm(request.POST or None, team_id=dossier.team_id)
    if submit_form(request, form, lambda data: services.create_task(dossier, user=request.user, **data),
                   success=_("The task has been added.")):
        return redirect(dossier.get_absolute_url() + "#tasks-heading")
    return render(request, "work/task_form.html", {"dossier": dossier, "form": form, "title": _("New task"),
                                                   "forms_with_errors": [form] if form.errors else []})


def _get_task(request, pk, task_pk) -> Task:
    dossier = get_dossier(request, pk)
    return get_object_or_404(Task.objects.for_user(request.user).filter(dossier=dossier).select_related("dossier"),
                             pk=task_pk)


@require_POST
def task_complete(request, pk, task_pk):
    task = _get_task(request, pk, task_pk)
    run_action(request, lambda: services.complete_task(task, user=request.user), success=_("The task is done."))
    return _back(request, task.dossier.get_absolute_url())


def task_reassign(request, pk, task_pk):
    task = _get_task(request, pk, task_pk)
    form = ReassignTaskForm(request.POST or None, team_id=task.dossier.team_id,
                            initial={"assignee": task.assignee_id})
    if submit_form(request, form,
                   lambda data: services.reassign_task(task, user=request.user, assignee=data["assignee"]),
                   success=_("The task has been reassigned.")):
        return redirect(task.dossier.get_absolute_url() + "#tasks-heading")
    return render(request, "work/task_form.html", {"dossier": task.dossier, "form": form, "task": task,
                                                   "title": _("Reassign a task"),
                                                   "forms_with_errors": [form] if form.errors else []})


def _coached_team(request, code):
    team = get_team(request, code)
    if not is_coach_of(request.user, team.pk):
        raise Http404
    return team


def caseload(request, code):
    """Per worker of the team: open dossiers as lead worker, of which waiting, tasks
    overdue and contact moments this month. A constant number of queries."""
    team = _coached_team(request, code)
    day = today()
    month_start = day.replace(day=1)
    workers = list(team_workers(team.pk))
    dossiers = {
        row["lead_worker"]: row for row in Dossier.objects.filter(team=team).open().values("lead_worker").annotate(
            open=Count("pk"), waiting=Count("pk", filter=Q(support_started_on__isnull=True)))
    }
    overdue = dict(Task.objects.filter(dossier__team=team).open().filter(due_on__lt=day, assignee__isnull=False)
                   .values_list("assignee").annotate(n=Count("pk")))
    contacts = dict(JournalEntry.objects.filter(dossier__team=team, written_on__gte=month_start, written_on__lte=day)
                    .contact_moments().values_list("author").annotate(n=Count("pk")))
    rows = [{"worker": w, "open": dossiers.get(w.pk, {}).get("open", 0),
             "waiting": dossiers.get(w.pk, {}).get("waiting", 0),
             "overdue": overdue.get(w.pk, 0), "contacts": contacts.get(w.pk, 0)} for w in workers]
    unassigned = dossiers.get(None, {"open": 0, "waiting": 0})
    return render(request, "work/caseload.html", {
        "team": team, "rows": rows, "unassigned": unassigned, "month_start": month_start, "today": day,
        "totals": {key: sum(r[key] for r in rows) for key in ("open", "waiting", "overdue", "contacts")},
    })


def _reassign_page(request, team, dossiers, *, template: str, extra: dict):
    form = ReassignDossiersForm(request.POST or None, team=team, user=request.user)
    def success(changed):
        worker = form.cleaned_data["lead_worker"]
        name = worker.get_full_name() or worker.username
        if not changed:  # every chosen dossier had this lead worker already: nothing changed
            return _("%(name)s was already the lead worker; nothing has changed.") % {"name": name}
        return ngettext("%(count)s dossier now has %(name)s as lead worker.",
                        "%(count)s dossiers now have %(name)s as lead worker.", len(changed)) % {
            "count": len(changed), "name": name}

    if submit_form(request, form, lambda data: case_services.reassign_lead_worker(
            data["dossiers"], user=request.user, lead_worker=data["lead_worker"]), success=success):
        return redirect(request.get_full_path())
    page = paginate(request, with_members(dossiers), per_page=100)
    log_access_many(request, AccessAction.VIEW, clients=_members_clients(page.object_list),
                    detail=f"{template.split('/')[-1]} {team.code}")
    checked = {str(v) for v in form["dossiers"].value() or []}
    return render(request, template, {"team": team, "page": page, "form": form, "checked": checked,
                                      "forms_with_errors": [form] if form.errors else [], "today": today(), **extra})


def worker_dossiers(request, code, user_pk):
    """A worker's open dossiers (as lead worker), to hand some or all of them to another worker."""
    team = _coached_team(request, code)
    worker = get_object_or_404(team_workers(team.pk), pk=user_pk)
    dossiers = (Dossier.objects.for_user(request.user).filter(team=team, lead_worker=worker).open()
                .order_by("registered_on", "id"))
    return _reassign_page(request, team, dossiers, template="work/worker_dossiers.html", extra={"worker": worker})


def intake(request, code):
    """The team's intake queue: open dossiers without a lead worker, transferred ones marked."""
    team = _coached_team(request, code)
    # The latest transfer: who sent it and why (its detail: "from A to B: note").
    transfers = (DossierEvent.objects.filter(dossier_id=OuterRef("pk"), kind=EventKind.TRANSFERRED)
                 .order_by("-at", "-id"))
    dossiers = (Dossier.objects.for_user(request.user).filter(team=team, lead_worker__isnull=True).open()
                .annotate(transferred=Exists(transfers),
                          transfer_detail=Subquery(transfers.values("detail")[:1]),
                          transfer_name=Subquery(transfers.annotate(name=Trim(Concat(
                              "user__first_name", Value(" "), "user__last_name"))).values("name")[:1]),
                          transfer_username=Subquery(transfers.values("user__username")[:1]))
                .order_by("registered_on", "id"))
    return _reassign_page(request, team, dossiers, template="work/intake.html", extra={})


def coach_home(request):
    """The first coached team's caseload (menu link)."""
    coached = roles(request.user).coached_team_ids
    if not coached:
        raise Http404
    team = Team.objects.filter(pk__in=coached).order_by("name", "pk").first()
    return redirect("work:caseload", code=team.code)
