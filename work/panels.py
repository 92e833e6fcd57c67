"""The tasks and signals section of the dossier page (``cases.extensions``)."""

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
