"""System checks: the second factor cannot be left out of the middleware by accident."""

from django.conf import settings
from django.core.checks import Error, register

OTP = "django_otp.middleware.OTPMiddleware"
AUTH = "django.contrib.auth.middleware.AuthenticationMiddleware"
STAFF = "staffauth.middleware.StaffTwoFactorMiddleware"


@register()
def middleware_order(app_configs, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    if all(name in middleware for name in (AUTH, OTP, STAFF)) and (
        middleware.index(AUTH) < middleware.index(OTP) < middleware.index(STAFF)
    ):
        return []
    return [Error(f"MIDDLEWARE must contain {AUTH}, then {OTP}, then {STAFF}.", id="staffauth.E001")]
