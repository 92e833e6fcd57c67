"""Single sign-on for staff through the organisation's OpenID Connect provider (Entra ID,
Keycloak, ...) with mozilla-django-oidc; off unless ``STAFF_OIDC_RP_CLIENT_ID`` is set
(docs/adr/0091).

- Settings: the library's own names with the prefix ``STAFF_`` (``STAFF_OIDC_RP_CLIENT_ID``,
  ``STAFF_OIDC_OP_TOKEN_ENDPOINT`` ...): ``get_settings`` maps them, so another
  configuration of the library (the portal's DigiD) can live beside this one.
- Who: the claim ``STAFF_OIDC_EMAIL_CLAIM`` (default ``email``) matched, case-insensitively,
  to the e-mail address of exactly one active user with a staff role. Nobody is created.
- Second factor: when the ID token's ``STAFF_OIDC_MFA_CLAIM`` (default ``amr``) holds one
  of ``STAFF_OIDC_MFA_VALUES`` (default ``mfa``) the provider checked one, and the session
  counts as two-factor (``SingleSignOnDevice``); otherwise our own second step follows.
- The backend answers only on its own callback URL, so other OIDC backends never get
  a staff provider's code, nor this one theirs."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django_otp import login as otp_login
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from cases.oidc import CallbackOnlyOIDCBackend
from staffauth.middleware import second_factor_not_required
from staffauth.models import SingleSignOnDevice
from staffauth.services import has_staff_role

BACKEND = "staffauth.oidc.StaffOIDCBackend"


def enabled() -> bool:
    return bool(getattr(settings, "STAFF_OIDC_RP_CLIENT_ID", ""))


def staff_settings(attr, *args):
    """The library's setting ``attr`` read from our prefixed names."""
    if attr == "LOGIN_REDIRECT_URL_FAILURE":
        return reverse("login") + "?sso=mislukt"
    if attr == "OIDC_AUTHENTICATION_CALLBACK_URL":
        return "staffauth:oidc_callback"
    if attr.startswith("OIDC_"):
        return import_from_settings("STAFF_" + attr, *args)
    return import_from_settings(attr, *args)


def proves_mfa(claims: dict) -> bool:
    value = claims.get(settings.STAFF_OIDC_MFA_CLAIM)
    values = value if isinstance(value, list | tuple) else [value]
    return any(str(v) in settings.STAFF_OIDC_MFA_VALUES for v in values if v is not None)


class StaffOIDCBackend(CallbackOnlyOIDCBackend):
    get_settings = staticmethod(staff_settings)

    callback_url_name = "staffauth:oidc_callback"

    def verify_claims(self, claims):
        return bool(claims.get(settings.STAFF_OIDC_EMAIL_CLAIM))

    def get_or_create_user(self, access_token, id_token, payload):
        """Only an existing staff member, found by e-mail address; never a new account."""
        claims = {**self.get_userinfo(access_token, id_token, payload), **payload}
        if not self.verify_claims(claims):
            return None
        users = list(get_user_model().objects.filter(
            is_active=True, email__iexact=str(claims[settings.STAFF_OIDC_EMAIL_CLAIM]).strip()))
        users = [user for user in users if has_staff_role(user)]
        if len(users) != 1:
            return None
        user = users[0]
        user.staff_oidc_mfa = proves_mfa(payload)
        return user


def _enabled_only(view):
    def wrapper(request, *args, **kwargs):
        if not enabled():
            raise Http404
        return view(request, *args, **kwargs)

    wrapper.login_required = False  # Django's LoginRequiredMiddleware: the login itself
    return second_factor_not_required(wrapper)


class StaffOIDCRequestView(OIDCAuthenticationRequestView):
    get_settings = staticmethod(staff_settings)


class StaffOIDCCallbackView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(staff_settings)

    def login_success(self):
        response = super().login_success()
        if getattr(self.user, "staff_oidc_mfa", False):
            device, _created = SingleSignOnDevice.objects.get_or_create(
                user=self.user, defaults={"name": "organisatie-account"})
            SingleSignOnDevice.objects.filter(pk=device.pk).update(last_used_at=timezone.now())
            otp_login(self.request, device)
        return response


authenticate = _enabled_only(StaffOIDCRequestView.as_view())
callback = _enabled_only(StaffOIDCCallbackView.as_view())
