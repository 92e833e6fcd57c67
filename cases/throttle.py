"""Failed logins counted per address as well (issue 26: password spraying, one password over
many usernames from one address, was never slowed down; django-axes counts per username and
address). Every failed ``authenticate`` (staff and portal) adds one to the address's counter
in the cache; once ``LOGIN_FAILURES_PER_ADDRESS`` failures fall within
``LOGIN_FAILURE_WINDOW`` seconds, the first backend refuses every login from that address
until the window ends, right passwords included."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

from cases.audit import client_address


def _key(request) -> str:
    return f"login-failures:{client_address(request)}"


def address_blocked(request) -> bool:
    return request is not None and (cache.get(_key(request)) or 0) >= settings.LOGIN_FAILURES_PER_ADDRESS


def count_failure(sender, credentials=None, request=None, **kwargs) -> None:
    """Receiver of ``user_login_failed``."""
    if request is None:
        return
    key = _key(request)
    cache.add(key, 0, settings.LOGIN_FAILURE_WINDOW)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, settings.LOGIN_FAILURE_WINDOW)


class AddressThrottleBackend:
    """First in ``AUTHENTICATION_BACKENDS``: refuses (``PermissionDenied`` stops Django's
    authenticate) while the address is over its limit; otherwise lets the next backend answer."""

    def authenticate(self, request, **credentials):
        if address_blocked(request):
            raise PermissionDenied
        return None  # no get_user: it never logs anyone in (and force_login skips it)
