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


WRONG_CODES = 5  # wrong login codes per account per WINDOW before it waits


def _wrong_key(account_id: int) -> str:
    return f"portal-wrong-codes:{account_id}"


def too_many_wrong_codes(account_id: int) -> bool:
    return (cache.get(_wrong_key(account_id)) or 0) >= WRONG_CODES


def count_wrong_code(account_id: int) -> None:
    key = _wrong_key(account_id)
    cache.add(key, 0, WINDOW)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW)


def clear_wrong_codes(account_id: int) -> None:
    cache.delete(_wrong_key(account_id))
