"""The e-health library for functional administrators. Portal accounts and what residents
write hold personal data and are not in the admin: the users list shows staff only
(a resident's or invitee's login is a Django user too; issue 26, item 6)."""

from django.contrib import admin
from django.contrib.auth import get_user_model

from cases.admin import BeheerUserAdmin
from cases.admin_site import BeheerModelAdmin
from portal.models import EHealthApp

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(BeheerUserAdmin):
    """The staff's accounts only: portal accounts never appear, by list, search or id."""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(portal_account__isnull=True)


@admin.register(EHealthApp)
class EHealthAppAdmin(BeheerModelAdmin):
    list_display = ["name", "domains", "cost", "needs_professional", "active"]
    list_filter = ["needs_professional", "active"]
    search_fields = ["name", "description"]
