"""Logging in to Mijn buurtteam: accepting an invitation (link or printed code) sets the
password; every login is the password and then a code sent by e-mail (django-otp's
EmailDevice). Failed passwords count toward django-axes' lockout (the portal backend goes
through ``authenticate``); wrong codes are throttled by the device itself."""

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from cases.shortcuts import add_service_errors
from portal import services
from portal.forms import AcceptForm, AcceptWithCodeForm, CodeForm, LoginForm
from portal.middleware import PORTAL_BACKEND, is_portal_session
from portal.models import PortalAccount

PENDING = "portal_pending_account"
NEXT = "portal_next"


def _safe_next(request, target: str) -> str:
    if target and target.startswith("/mijn/") and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


@login_not_required
def login_view(request):
    if is_portal_session(request):
        return redirect("portal:home")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, username=form.cleaned_data["email"], password=form.cleaned_data["password"],
                            portal=True)
        if user is None:
            if getattr(request, "axes_locked_out", False):
                return render(request, "portal/locked_out.html", status=429)
            form.add_error(None, _("The e-mail address or the password is not right."))
        else:
            account = user.portal_account
            services.send_login_code(account)
            request.session.cycle_key()
            request.session[PENDING] = account.pk
            request.session[NEXT] = _safe_next(request, request.POST.get("next", ""))
            return redirect("portal:login_code")
    from portal import oidc

    return render(request, "portal/login.html", {"form": form, "next": request.GET.get("next", ""),
                                                 "digid": oidc.enabled(), "digid_failed": "digid" in request.GET})


@login_not_required
def login_code(request):
    account = PortalAccount.objects.filter(pk=request.session.get(PENDING), active=True).select_related("user").first()
    if account is None:
        return redirect("portal:login")
    if request.method == "POST" and "resend" in request.POST:
        wait = services.send_login_code(account)
        if wait:
            messages.info(request, _("We sent you a code less than a minute ago. Use the code in that e-mail, or ask "
                                     "for a new one in %(seconds)s seconds.") % {"seconds": wait})
        else:
            messages.info(request, _("We sent you a new code."))
        return redirect("portal:login_code")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Checked under the device's row lock, wrong codes counted per account (portal.throttle):
        # a burst is checked one guess at a time, and a correct code right after a wrong one is
        # accepted (django-otp's own doubling delay is off, OTP_EMAIL_THROTTLE_FACTOR = 0).
        device, throttled = services.verify_login_code(account, form.cleaned_data["token"])
        if device is not None:
            target = request.session.get(NEXT) or ""
            login(request, account.user, backend=PORTAL_BACKEND)
            otp_login(request, device)
            return redirect(target or "portal:home")
        if throttled:
            form.add_error("token", _("Too many wrong codes. Wait a moment and try again."))
        else:
            form.add_error("token", _("This code is not right or no longer valid. Check the e-mail or ask "
                                      "for a new code."))
    return render(request, "portal/login_code.html", {"form": form, "email": account.email})


@require_POST
@login_not_required
def logout_view(request):
    if is_portal_session(request):
        logout(request)
    return redirect("portal:login")


def _accept(request, invitation, form, with_code: bool):
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if with_code:
            invitation = services.open_invitation(code=data["code"])
            if invitation is None:
                form.add_error("code", _("We do not know this code, or it can no longer be used."))
        if invitation is not None:
            try:
                account = services.accept_invitation(invitation, email=data["email"], password=data["password"],
                                                     password_again=data["password_again"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                services.send_login_code(account)
                request.session.cycle_key()
                request.session[PENDING] = account.pk
                request.session[NEXT] = ""
                messages.success(request, _("Your password is set. Fill in the code we just sent to your e-mail."))
                return redirect("portal:login_code")
    return render(request, "portal/accept.html", {"form": form, "invitation": invitation, "with_code": with_code})


@login_not_required
def accept_link(request, token: str):
    invitation = services.open_invitation(token=token)
    if invitation is None:
        return render(request, "portal/invitation_invalid.html", status=404)
    form = AcceptForm(request.POST or None, initial={"email": invitation.email})
    return _accept(request, invitation, form, with_code=False)


@login_not_required
def accept_code(request):
    from portal.throttle import too_many_attempts

    form = AcceptWithCodeForm(request.POST or None)
    if request.method == "POST" and too_many_attempts(request, "invitation-code"):
        return render(request, "portal/locked_out.html", status=429)
    return _accept(request, None, form, with_code=True)
