"""Tasks: create, reassign, complete. Atomic, the task (or dossier) locked, errors by field."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Dossier, Membership
from cases.permissions import team_ids
from cases.roles import Role
from cases.rules import Errors, today
from cases.services import lock_dossier
from work.models import Task


def _check_assignee(dossier: Dossier, assignee, errors: Errors) -> None:
    if assignee is not None and dossier.team_id not in team_ids(assignee):
        errors.add("assignee", _("Assign the task to a worker of the team, or to the team as a whole."))


@transaction.atomic
def create_task(dossier: Dossier, *, user, title: str, assignee=None, due_on: dt.date | None = None) -> Task:
    dossier = lock_dossier(user, dossier.pk)
    errors = Errors()
    if not (title or "").strip():
        errors.add("title", _("Say what has to be done."))
    errors.not_before_registration("due_on", due_on, dossier)
    _check_assignee(dossier, assignee, errors)
    errors.raise_if_any()
    return Task.objects.create(dossier=dossier, title=title.strip()[:200], assignee=assignee, due_on=due_on,
                               created_by=user)


def notify_regisseur(dossier: Dossier, title: str) -> Task:
    """An open task for the dossier's regisseur (lead worker; the team when there is none),
    one per subject: a second notice while the first is open joins it. Other apps (the
    portal, ...) call this inside their write, holding the dossier's lock."""
    title = title[:200]
    task = Task.objects.filter(dossier=dossier, title=title, signal="", done_at__isnull=True).first()
    return task or Task.objects.create(dossier=dossier, title=title, assignee=dossier.lead_worker)


def _lock(task: Task, user) -> Task:
    task = Task.objects.select_for_update().select_related("dossier").get(pk=task.pk)
    if task.dossier.team_id not in team_ids(user):
        raise PermissionDenied
    return task


@transaction.atomic
def reassign_task(task: Task, *, user, assignee) -> Task:
    task = _lock(task, user)
    errors = Errors()
    if not task.is_open:
        errors.add("assignee", _("This task is already done."))
    _check_assignee(task.dossier, assignee, errors)
    errors.raise_if_any()
    task.assignee = assignee
    task.save(update_fields=["assignee"])
    return task


@transaction.atomic
def complete_task(task: Task, *, user) -> Task:
    """Done. A signal can be marked done too; it then stays done while its condition holds."""
    task = _lock(task, user)
    if not task.is_open:
        raise ValidationError(_("This task is already done."))
    task.done_at = timezone.now()
    task.done_by = user
    task.save(update_fields=["done_at", "done_by"])
    return task


def overdue(task: Task, on: dt.date | None = None) -> bool:
    return task.is_open and task.due_on is not None and task.due_on < (on or today())


TRANSFER_TASK_DAYS = 5  # a working week to take on a transferred dossier


def transfer_task(dossier: Dossier, *, user, from_team, note: str) -> Task:
    """The receiving team hears of a transferred dossier (``cases.extensions`` transfer hook, inside
    the transfer's transaction): a task for the regisseur who stays, else for the team's coach
    (the team as a whole when it has none), naming who sent it, from where and why."""
    sender = user.get_full_name() or user.username
    if dossier.lead_worker:
        assignee = dossier.lead_worker
        title = _("Dossier transferred from %(team)s by %(name)s") % {"team": from_team.name, "name": sender}
    else:
        coach = (Membership.objects.filter(team=dossier.team, role=Role.TEAMCOACH, user__is_active=True)
                 .select_related("user").order_by("user__first_name", "user__last_name", "user_id").first())
        assignee = coach.user if coach else None
        title = _("Appoint a lead worker: dossier transferred from %(team)s by %(name)s") % {
            "team": from_team.name, "name": sender}
    if note:
        title = f"{title}: {note}"
    return Task.objects.create(dossier=dossier, title=title[:200], assignee=assignee, created_by=user,
                               due_on=today() + dt.timedelta(days=TRANSFER_TASK_DAYS))
