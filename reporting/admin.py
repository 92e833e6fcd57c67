import secrets

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.admin_site import BeheerModelAdmin, ReadOnlyModelAdmin
from reporting.models import ApiClient, FrozenRow, FrozenVersion, PeriodComputation, hash_token


@admin.register(ApiClient)
class ApiClientAdmin(BeheerModelAdmin):
    """Machine clients of the indicators API. Adding one makes its token and shows it once
    (only a hash is kept); revoking deactivates it, so its requests are refused from then on."""

    list_display = ["name", "token_prefix", "active", "created_at", "last_used_at"]
    list_filter = ["active"]
    actions = ["revoke"]

    def get_fields(self, request, obj=None):
        return ["name"] if obj is None else ["name", "active", "token_prefix", "created_at", "last_used_at"]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["name", "token_prefix", "created_at", "last_used_at"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        token = secrets.token_urlsafe(32)
        obj.token_hash, obj.token_prefix = hash_token(token), token[:8]
        super().save_model(request, obj, form, change)
        messages.warning(request, format_html(
            _("The token of {name} is <code>{token}</code>. Copy it now: it is shown only this once."),
            name=obj.name, token=token))

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the API's log and figures keep referring to the client

    @admin.action(description=_("Revoke the selected API clients"))
    def revoke(self, request, queryset):
        count = queryset.filter(active=True).update(active=False)
        self.message_user(request, ngettext("%(count)d API client revoked.", "%(count)d API clients revoked.",
                                            count) % {"count": count})


@admin.register(PeriodComputation)
class PeriodComputationAdmin(ReadOnlyModelAdmin):
    list_display = ["period", "computed_at", "duration_ms", "row_count", "requested_at"]


@admin.register(FrozenVersion)
class FrozenVersionAdmin(ReadOnlyModelAdmin):
    """Frozen versions never change (docs/adr/0060): shown, never added, changed or deleted here."""

    list_display = ["period", "number", "frozen_at", "frozen_by_name", "row_count"]
    search_fields = ["period"]


@admin.register(FrozenRow)
class FrozenRowAdmin(ReadOnlyModelAdmin):
    list_display = ["version", "team", "indicator", "dimension", "value", "count"]
    list_select_related = ["version", "team"]
    search_fields = ["version__period", "indicator"]
