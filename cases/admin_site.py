"""The Django admin for functional administrators (role ``beheer``), and the admin base
classes every app's ``admin.py`` uses (``BeheerModelAdmin``, ``BeheerInline``,
``ReadOnlyModelAdmin``). Here in ``cases`` so the apps import it without importing the
project package (docs/adr/0140); ``buurtteam.apps`` installs the site."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from cases.permissions import is_beheer


class BeheerAdminSite(admin.AdminSite):
    """Django admin for functional administrators (role ``beheer``), not for staff flags."""

    site_header = _("Buurtteam administration")
    site_title = _("Buurtteam administration")
    index_title = _("Functional administration")
    site_url = reverse_lazy("beheer_home")  # type: ignore[assignment]  # "Website bekijken": the start page outside the admin

    def has_permission(self, request):
        # The same login as the rest of the app, second factor included (staffauth): the
        # middleware sends an unverified session to that step; this holds if it ever does not.
        verified = getattr(request.user, "is_verified", None)
        return request.user.is_active and is_beheer(request.user) and bool(verified and verified())

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            raise PermissionDenied  # logged in without the beheer role: no redirect loop via the login page
        return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")


class BeheerModelAdmin(admin.ModelAdmin):
    """Grants the functional administrator what Django's per-model permissions would."""

    def has_module_permission(self, request):
        return is_beheer(request.user)

    def has_view_permission(self, request, obj=None):
        return is_beheer(request.user)

    def has_add_permission(self, request):
        return is_beheer(request.user)

    def has_change_permission(self, request, obj=None):
        return is_beheer(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_beheer(request.user)


class BeheerInline:
    """Inline permissions for the functional administrator (no Django model permissions).
    Put it before the inline class: ``class StepInline(BeheerInline, admin.TabularInline)``."""

    def has_view_permission(self, request, obj=None):
        return is_beheer(request.user)

    def has_add_permission(self, request, obj=None):
        return is_beheer(request.user)

    def has_change_permission(self, request, obj=None):
        return is_beheer(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_beheer(request.user)


class ReadOnlyModelAdmin(BeheerModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Django's own admin text that its catalogue leaves in English: translated in our locale/.
ADMIN_TEXTS = (gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),)
