from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cases import memberships, staff_passwords
from cases.admin_site import BeheerInline, BeheerModelAdmin, ReadOnlyModelAdmin
from cases.history_panel import readable
from cases.models import ChangeRecord, Membership, Referrer, Team

User = get_user_model()


class MembershipFormSet(BaseInlineFormSet):
    """Shows the self-grant rule of ``cases.memberships`` next to the role, before saving."""

    granting_user = None

    def clean(self):
        super().clean()
        for form in self.forms:
            if not form.has_changed() or self._should_delete_form(form) or "role" not in form.cleaned_data:  # type: ignore[attr-defined]
                continue
            for field, errors in memberships.grant_errors(
                self.granting_user, self.instance, form.cleaned_data["role"]
            ).items():
                for message in errors:
                    form.add_error(field, message)


class MembershipInline(BeheerInline, admin.TabularInline):
    model = Membership
    fk_name = "user"
    formset = MembershipFormSet
    extra = 1
    autocomplete_fields = ["team"]
    fields = ["role", "team", "granted_by", "granted_at", "confirmed_by", "confirmed_at"]
    readonly_fields = ["granted_by", "granted_at", "confirmed_by", "confirmed_at"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.granting_user = request.user  # type: ignore[attr-defined]
        return formset


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


class StaffCreationForm(forms.ModelForm):
    """A new staff account: no password here; the worker gets a link to set their own."""

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = _("The worker gets a link at this address to set their own password.")


@admin.register(User)
class BeheerUserAdmin(BeheerModelAdmin, UserAdmin):
    """Users and their roles. Superuser and staff flags are not editable here. Passwords are
    never set here: a new account and "reset password" send the worker a link
    (``cases.staff_passwords``)."""

    add_form = StaffCreationForm
    add_fieldsets = [(None, {"fields": ["username", "first_name", "last_name", "email"]})]
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "last_login"]
    list_filter = ["is_active", "memberships__role", "memberships__team"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Status"), {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def get_readonly_fields(self, request, obj=None):
        """An existing account's e-mail address is read-only: the password link goes there, so
        an administrator who could change it could take the account over."""
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "email"] if obj is not None else fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.set_unusable_password()
        super().save_model(request, obj, form, change)
        if not change:
            staff_passwords.send_reset_link(request, obj)

    def user_change_password(self, request, id, form_url=""):
        """Instead of setting a password: confirm, then mail the worker a link."""
        user = get_object_or_404(self.get_queryset(request), pk=id)
        if not self.has_change_permission(request, user):
            raise PermissionDenied
        if request.method == "POST":
            staff_passwords.send_reset_link(request, user)
            messages.success(request, _("%(user)s gets an e-mail with a link to set a new password.")
                             % {"user": user.get_username()})
            return redirect(reverse("admin:auth_user_change", args=[user.pk]))
        return TemplateResponse(request, "cases/admin_password_link.html", {
            **self.admin_site.each_context(request), "staff": user, "title": _("Send a password link")})

    def save_formset(self, request, form, formset, change):
        """Memberships go through ``cases.memberships`` (rules and the access log)."""
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        instances = formset.save(commit=False)
        for membership in formset.deleted_objects:
            memberships.withdraw_membership(request, membership)
        for membership in instances:
            memberships.save_membership(request, membership)
        formset.save_m2m()
        return None


@admin.register(ChangeRecord)
class ChangeRecordAdmin(ReadOnlyModelAdmin):
    """The change history of access (who granted or withdrew which role) and of bundle imports:
    read-only, as every record. Changes of clients and dossiers hold personal data and are shown
    to their team on the dossier and client pages only (``cases.views.history``)."""

    list_display = ("at", "user", "action", "kind", "object_id", "changes_shown")
    list_filter = ("action", "model")
    fields = list_display
    readonly_fields = list_display

    @admin.display(description=_("kind"))
    def kind(self, record):
        return readable([record], values=False)[0].kind

    @admin.display(description=_("changes"))
    def changes_shown(self, record):
        """What changed in words (field names and values as on the dossier's history page)."""
        fields = readable([record])[0].fields
        return "; ".join(f"{field.label}: {field.old or '–'} → {field.new or '–'}" for field in fields)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(dossier__isnull=True, client__isnull=True)
