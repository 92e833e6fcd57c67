"""The second login step of staff: enrolment (QR code and manual key), verification with
the app's code or a recovery code, the recovery codes shown once, and the functional
administrator's reset. Rules live in ``staffauth.services``."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView, PasswordResetConfirmView
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.audit import log_access
from cases.models import AccessAction
from cases.permissions import beheer_required
from staffauth import services
from staffauth.forms import AppCodeForm, RecoveryCodeForm
from staffauth.middleware import second_factor_not_required
from staffauth.models import DeviceReset, SingleSignOnDevice

PENDING_KEY = "staffauth_pending_key"  # the key being enrolled, until its first code is right
SHOW_CODES = "staffauth_show_codes"  # new recovery codes, shown once


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def _verified(request, device):
    """The session now counts as two-factor: a new session key (no fixation), the device in it."""
    request.session.cycle_key()
    otp_login(request, device)


def _needs_login_step(request):
    if request.user.is_verified():
        return redirect(_next(request))
    return None


class StaffLoginView(LoginView):
    """Django's login (throttled by django-axes), offering single sign-on when configured."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        from staffauth import oidc

        return {**super().get_context_data(**kwargs), "staff_sso": oidc.enabled(),
                "sso_failed": self.request.GET.get("sso") == "mislukt"}


@second_factor_not_required
def enrol(request):
    """First login: set up an authenticator app. Only while the user has none (after a
    reset by the functional administrator, too); otherwise the verification step."""
    if (answer := _needs_login_step(request)) is not None:
        return answer
    if services.app_device(request.user) is not None:
        return redirect(f"{reverse('staffauth:verify')}?{request.GET.urlencode()}")
    key = request.session.get(PENDING_KEY) or services.new_secret()
    request.session[PENDING_KEY] = key
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.confirm_enrolment(request.user, key, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            del request.session[PENDING_KEY]
            _verified(request, device)
            request.session[SHOW_CODES] = codes
            return redirect(f"{reverse('staffauth:recovery_codes')}?{_next_query(request)}")
    device = TOTPDevice(user=request.user, key=key, name=services.APP_DEVICE_NAME)
    url = device.config_url
    return render(request, "staffauth/enrol.html", {
        "form": form, "forms_with_errors": [form] if form.errors else [],
        "qr": segno.make(url, error="m").svg_data_uri(scale=5, border=2),
        "otpauth_url": url, "secret": services.secret_for_people(key), "next": _next(request),
    })


def _next_query(request) -> str:
    return urlencode({"next": _next(request)})


def _verify(request, form_class, template):
    if (answer := _needs_login_step(request)) is not None:
        return answer
    if services.app_device(request.user) is None and form_class is AppCodeForm:
        return redirect(f"{reverse('staffauth:enrol')}?{request.GET.urlencode()}")
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.verify(request.user, form.cleaned_data["code"], recovery=form_class is RecoveryCodeForm)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _verified(request, device)
            if form_class is RecoveryCodeForm:
                messages.warning(request, _(
                    "You used a recovery code; %(count)s are left. Lost your phone? Ask the functional "
                    "administrator to reset your two-factor login.") % {
                    "count": services.remaining_recovery_codes(request.user)})
            return redirect(_next(request))
    return render(request, template, {"form": form, "forms_with_errors": [form] if form.errors else [],
                                      "next": _next(request)})


@second_factor_not_required
def verify(request):
    return _verify(request, AppCodeForm, "staffauth/verify.html")


@second_factor_not_required
def use_recovery_code(request):
    return _verify(request, RecoveryCodeForm, "staffauth/recovery.html")


def recovery_codes(request):
    """New recovery codes, shown once (they are not shown again on reload)."""
    codes = request.session.pop(SHOW_CODES, None)
    if not codes:
        return redirect("staffauth:settings")
    return render(request, "staffauth/recovery_codes.html", {"codes": codes, "next": _next(request)})


def own_settings(request):
    """The user's own two-factor login: what is set up, and new recovery codes."""
    if request.method == "POST":
        request.session[SHOW_CODES] = services.new_recovery_codes(request.user)
        return redirect("staffauth:recovery_codes")
    return render(request, "staffauth/settings.html", {
        "device": services.app_device(request.user),
        "remaining": services.remaining_recovery_codes(request.user),
        "sso": isinstance(request.user.otp_device, SingleSignOnDevice),
    })


@beheer_required
def staff_devices(request):
    """Functional administration: every staff member and whether they set up two-factor login;
    resets asked by one administrator wait here for a second one (four eyes)."""
    users = (get_user_model().objects.filter(is_active=True, memberships__isnull=False).distinct()
             .annotate(has_app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
             .order_by("username"))
    waiting = list(DeviceReset.objects.filter(confirmed_at__isnull=True).select_related("user", "requested_by"))
    for reset in waiting:
        reset.may_confirm = services.may_confirm_reset(request.user, reset)
    return render(request, "staffauth/staff_devices.html", {"staff": users, "waiting": waiting})


@beheer_required
@require_POST
def reset(request, user_pk):
    user = get_object_or_404(get_user_model().objects.filter(is_active=True), pk=user_pk)
    services.request_reset(request, user)
    messages.success(request, _("The reset of %(username)s's two-factor login waits for a second functional "
                                "administrator to confirm it.") % {"username": user.get_username()})
    return redirect("staffauth:staff_devices")


@beheer_required
@require_POST
def confirm_reset(request, reset_pk):
    try:
        services.confirm_reset(request, reset_pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Two-factor login is reset. At their next login they set up an "
                                    "authenticator app again."))
    return redirect("staffauth:staff_devices")


@method_decorator([second_factor_not_required, login_not_required], name="dispatch")
class PasswordSetView(PasswordResetConfirmView):
    """The worker sets their own password through the link an administrator had sent
    (``cases.staff_passwords``); logged in the access log as done by that worker."""

    template_name = "staffauth/password_set.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        self.request.user = form.user
        log_access(self.request, AccessAction.CHANGE, detail=_("password set by %(user)s through their link")
                   % {"user": form.user.get_username()})
        messages.success(self.request, _("Your password is set. Log in with it."))
        return response
