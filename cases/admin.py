from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from buurtteam.admin_site import BeheerInline, BeheerModelAdmin
from cases.models import Membership, Referrer, Team

User = get_user_model()


class MembershipInline(BeheerInline, admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["team"]


@admin.register(Team)
class TeamAdmin(BeheerModelAdmin):
    list_display = ["code", "name", "population", "fte"]
    search_fields = ["code", "name"]


@admin.register(Referrer)
class ReferrerAdmin(BeheerModelAdmin):
    list_display = ["code", "name", "self_referral", "active"]
    list_filter = ["self_referral", "active"]
    search_fields = ["code", "name"]


admin.site.unregister(Group)
admin.site.unregister(User)


@admin.register(User)
class BeheerUserAdmin(BeheerModelAdmin, UserAdmin):
    """Users and their roles. Superuser and staff flags are not editable here."""

    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "last_login"]
    list_filter = ["is_active", "memberships__role", "memberships__team"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Status"), {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
