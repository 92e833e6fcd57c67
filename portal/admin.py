"""The e-health library for functional administrators. Portal accounts and what residents
write hold personal data and are not in the admin."""

from django.contrib import admin

from cases.admin_site import BeheerModelAdmin
from portal.models import EHealthApp


@admin.register(EHealthApp)
class EHealthAppAdmin(BeheerModelAdmin):
    list_display = ["name", "domains", "cost", "needs_professional", "active"]
    list_filter = ["needs_professional", "active"]
    search_fields = ["name", "description"]
