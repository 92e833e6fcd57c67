"""Tasks' part of destruction and inzage (cases.extensions; docs/adr/0110, 0112)."""

from django.utils.translation import gettext as _

from cases.extensions import InzageSection, delete_by, readable_rows
from work.models import Task


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict:
    return delete_by("dossier_id", dossier_ids, Task)


def inzage(client, dossier_ids: list[int]) -> list[InzageSection]:
    return [InzageSection(_("Tasks"), readable_rows(
        Task.objects.filter(dossier_id__in=dossier_ids).select_related("dossier", "assignee", "created_by",
                                                                      "done_by").order_by("pk"),
        skip=("id", "signal_key", "created_at", "updated_at")), "work.Task")]
