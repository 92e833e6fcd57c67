"""A small counter in the cache against guessing printed invitation codes: at most
``LIMIT`` tries per address per ``WINDOW`` seconds."""

from django.core.cache import cache

from cases.audit import client_address

LIMIT = 10
WINDOW = 15 * 60


def too_many_attempts(request, scope: str) -> bool:
    key = f"portal-throttle:{scope}:{client_address(request)}"
    cache.add(key, 0, WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count > LIMIT
