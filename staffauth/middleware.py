"""Staff pass a second factor before any other page (docs/adr/0090).

Runs after django-otp's ``OTPMiddleware`` (which sets ``request.user.is_verified()`` from
the device the session names) and Django's ``LoginRequiredMiddleware``. A logged-in user
with a staff role whose session has no verified device is sent to the verification step,
or to enrolment when they have no authenticator app yet. Not enforced:
- views marked with ``second_factor_not_required`` (login, logout, the steps themselves);
- paths under ``STAFF_2FA_EXEMPT_PREFIXES`` (the portal ``/mijn/`` with its own login by
  e-mail code; the API, which authenticates by token only; static files);
- users without a staff role (portal residents)."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from staffauth.services import app_device, has_staff_role


def second_factor_not_required(view):
    view.second_factor_required = False
    return view


def exempt_path(path: str) -> bool:
    prefixes = (*settings.STAFF_2FA_EXEMPT_PREFIXES, "/" + settings.STATIC_URL.lstrip("/"))
    return path.startswith(prefixes)


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "second_factor_required", True) or exempt_path(request.path_info):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or not has_staff_role(user):
            return None
        step = "staffauth:verify" if app_device(user) is not None else "staffauth:enrol"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
