from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from cases.audit import client_address
from reporting.models import ApiClient, hash_token


class ApiClientTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Token <token>`` for the municipality's machine clients.

    The authenticated principal is an ``ApiClient``, never a Django user, so these
    credentials cannot open any page or endpoint that serves personal data."""

    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        try:
            token = header[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(_("Invalid token header.")) from exc
        key = f"api-token-failures:{client_address(request._request)}"
        if (cache.get(key) or 0) >= settings.API_TOKEN_FAILURES_PER_ADDRESS:
            raise exceptions.Throttled(wait=settings.LOGIN_FAILURE_WINDOW)  # wrong tokens per address
        client = ApiClient.objects.filter(token_hash=hash_token(token), active=True).first()
        if client is None:
            cache.add(key, 0, settings.LOGIN_FAILURE_WINDOW)
            cache.incr(key)
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        now = timezone.now()
        if client.last_used_at is None or (now - client.last_used_at).total_seconds() > 300:
            ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
        return client, client

    def authenticate_header(self, request):
        return self.keyword
