"""DigiD for residents through the municipality's OpenID Connect broker, with
mozilla-django-oidc; off unless ``PORTAL_OIDC_RP_CLIENT_ID`` is set (docs/adr/0120).

- Settings: the library's own names with the prefix ``PORTAL_`` (``PORTAL_OIDC_RP_CLIENT_ID``,
  ``PORTAL_OIDC_OP_TOKEN_ENDPOINT`` ...), mapped by ``portal_settings``, so staff single
  sign-on can configure the same library with its own prefix beside it.
- Who: the claim ``PORTAL_OIDC_BSN_CLAIM`` (default ``bsn``) matched to the BSN of the client
  of exactly one active resident account (made by accepting an invitation). Nobody is
  created: a resident is invited first.
- The backend answers only on its own callback URL, and its sessions are portal sessions
  (``portal.middleware``), so the DigiD login never opens a staff page."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import reverse
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from cases.oidc import CallbackOnlyOIDCBackend
from portal.backends import PortalBackend
from portal.models import AccountKind, PortalAccount

BACKEND = "portal.oidc.PortalOIDCBackend"


def enabled() -> bool:
    return bool(getattr(settings, "PORTAL_OIDC_RP_CLIENT_ID", ""))


def portal_settings(attr, *args):
    """The library's setting ``attr`` read from our prefixed names."""
    if attr == "LOGIN_REDIRECT_URL":
        return reverse("portal:home")
    if attr == "LOGIN_REDIRECT_URL_FAILURE":
        return reverse("portal:login") + "?digid=mislukt"
    if attr == "OIDC_AUTHENTICATION_CALLBACK_URL":
        return "portal:oidc_callback"
    if attr.startswith("OIDC_"):
        return import_from_settings("PORTAL_" + attr, *args)
    return import_from_settings(attr, *args)


class PortalOIDCBackend(CallbackOnlyOIDCBackend):
    get_settings = staticmethod(portal_settings)

    callback_url_name = "portal:oidc_callback"

    def get_user(self, user_id):
        return PortalBackend().get_user(user_id)

    def verify_claims(self, claims):
        return bool(str(claims.get(settings.PORTAL_OIDC_BSN_CLAIM, "")).strip())

    def get_or_create_user(self, access_token, id_token, payload):
        """Only an existing resident account whose client has this BSN; never a new one."""
        claims = {**self.get_userinfo(access_token, id_token, payload), **payload}
        if not self.verify_claims(claims):
            return None
        bsn = str(claims[settings.PORTAL_OIDC_BSN_CLAIM]).strip()
        accounts = list(PortalAccount.objects.filter(kind=AccountKind.RESIDENT, active=True, client__bsn=bsn,
                                                     user__is_active=True).select_related("user")[:2])
        return accounts[0].user if len(accounts) == 1 else None


def _enabled_only(view):
    def wrapper(request, *args, **kwargs):
        if not enabled():
            raise Http404
        return view(request, *args, **kwargs)

    return login_not_required(wrapper)


class PortalOIDCRequestView(OIDCAuthenticationRequestView):
    get_settings = staticmethod(portal_settings)


class PortalOIDCCallbackView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(portal_settings)


authenticate = _enabled_only(PortalOIDCRequestView.as_view())
callback = _enabled_only(PortalOIDCCallbackView.as_view())
