from django.contrib import admin

from cases.admin_site import BeheerModelAdmin
from work.models import Task


@admin.register(Task)
class TaskAdmin(BeheerModelAdmin):
    """Tasks and signals for the functional administrator (titles only; no personal data)."""

    list_display = ["id", "dossier_id", "title", "signal", "signal_key", "assignee", "due_on", "done_at", "resolved_at"]
    list_filter = ["signal"]
    readonly_fields = ["dossier", "signal", "signal_key", "created_by", "created_at", "done_by", "resolved_at"]
    fields = ["dossier", "title", "assignee", "due_on", "signal", "signal_key", "created_by", "created_at", "done_at",
              "done_by", "resolved_at"]
    raw_id_fields = ["assignee"]
    list_select_related = ["assignee"]

    def has_add_permission(self, request):
        return False
