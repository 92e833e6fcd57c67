"""What the two OpenID Connect logins share (staff single sign-on in ``staffauth.oidc``,
DigiD for residents in ``portal.oidc``): mozilla-django-oidc configured twice, each backend
answering only on its own callback URL, and a provider that signs with its only key."""

import jwt
import requests
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class CallbackOnlyOIDCBackend(OIDCAuthenticationBackend):
    """A backend for one configuration of the library: set ``callback_url_name`` and
    ``get_settings`` (the library's names read from prefixed settings)."""

    callback_url_name = ""

    def authenticate(self, request, **kwargs):
        # Only on this configuration's own callback: no backend gets another provider's code.
        if request is None or request.path != reverse(self.callback_url_name):
            return None
        return super().authenticate(request, **kwargs)

    def retrieve_matching_jwk(self, token):
        """The library requires a ``kid`` in the token's header; a provider that signs with
        its only key may leave it out (RFC 7515): then that single key, if its algorithm
        fits. With a ``kid`` the library's own matching applies."""
        if "kid" in jwt.get_unverified_header(token):
            return super().retrieve_matching_jwk(token)
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=self.get_settings("OIDC_TIMEOUT", None))
        response.raise_for_status()
        algorithm = self.OIDC_RP_SIGN_ALGO
        keys = [key for key in response.json()["keys"] if key.get("alg", algorithm) == algorithm]
        if len(keys) != 1:
            raise SuspiciousOperation("The ID token names no key (kid) and the provider has more than one.")
        return jwt.PyJWK(keys[0])
