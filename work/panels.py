"""The tasks and signals section of the dossier page (``cases.extensions``)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases import extensions
from cases.services import today
from work.forms import TaskForm
from work.models import Task


def tasks_panel_context(request, dossier, members) -> dict:
    """Open tasks and signals of the dossier: one query (the form's workers load when rendered)."""
    tasks = list(Task.objects.for_user(request.user).open().filter(dossier=dossier).select_related("assignee")
                 .order_by("due_on", "id"))
    return {
        "dossier": dossier, "tasks": tasks, "today": today(), "can_add": not dossier.is_closed,
        "task_form": TaskForm(team_id=dossier.team_id) if not dossier.is_closed else None,
    }


TASK_SETTLE_CHOICES = (("done", gettext_lazy("Mark as done when the dossier closes")),)


def _settle_task(task):
    def settle(*, user, choice, on, dossier):
        from work.services import complete_task

        complete_task(task, user=user)

    return settle


def open_tasks(dossier) -> list[extensions.OpenItem]:
    """Open tasks (the portal's notices and the workers' own; signals close themselves): the close
    form offers to mark them done, so none stays in Mijn werk for a closed dossier."""
    return [
        extensions.OpenItem(
            label=_("Task still open: %(task)s") % {"task": task},
            field=f"settle_task_{task.pk}",
            choices=tuple((value, str(label)) for value, label in TASK_SETTLE_CHOICES),
            settle=_settle_task(task),
        )
        for task in Task.objects.open().filter(dossier=dossier, signal="").order_by("id")
    ]
