"""The questionnaire's statements for the functional administrator: a new version is data
(code, name, ordered statements in plain Dutch), added here without code changes. The
answers are personal data and are not in the admin."""

from typing import Any

from django.contrib import admin

from cases.admin_site import BeheerInline, BeheerModelAdmin
from voice.models import Statement, StatementSet


class StatementInline(BeheerInline, admin.TabularInline):  # type: ignore[type-arg]
    model = Statement
    fields = ["order", "code", "text"]
    ordering = ["order"]

    def get_extra(self, request: Any, obj: Any = None, **kwargs: Any) -> int:
        return 1 if obj is not None else 9


@admin.register(StatementSet)
class StatementSetAdmin(BeheerModelAdmin):
    list_display = ["code", "name", "active"]
    list_filter = ["active"]
    search_fields = ["code", "name"]
    inlines = [StatementInline]
