from django.contrib import admin

from buurtteam.admin_site import BeheerModelAdmin, ReadOnlyModelAdmin
from reporting.models import ApiClient, PeriodComputation


@admin.register(ApiClient)
class ApiClientAdmin(BeheerModelAdmin):
    """Machine clients: deactivate here; new ones with `manage.py create_api_client` (shows the token once)."""

    list_display = ["name", "token_prefix", "active", "created_at", "last_used_at"]
    fields = ["name", "active", "token_prefix", "created_at", "last_used_at"]
    readonly_fields = ["name", "token_prefix", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False


@admin.register(PeriodComputation)
class PeriodComputationAdmin(ReadOnlyModelAdmin):
    list_display = ["period", "computed_at", "duration_ms", "row_count", "requested_at"]
