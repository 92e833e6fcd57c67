"""The throttle of the indicators API: per client (its token), a fixed number of requests
per window (``API_THROTTLE_RATE``, default 600/minute). One counter per client and window
in the cache (Redis in production, so every worker counts in the same place): one atomic
increment per request, not DRF's list of every request's time (which grows with the rate).
Over the limit the answer is 429 with ``Retry-After``: the seconds until the window ends."""

import time

from django.core.cache import cache
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from reporting.models import ApiClient

SCOPE = "api_client"
DURATIONS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """``600/minute`` -> (600, 60): requests per window of seconds."""
    number, period = rate.split("/")
    return int(number), DURATIONS[period[0]]


class ApiClientRateThrottle(BaseThrottle):
    def __init__(self):
        self.retry_after = None

    def allow_request(self, request, view):
        if not isinstance(request.auth, ApiClient):
            return True
        limit, window = parse_rate(api_settings.DEFAULT_THROTTLE_RATES[SCOPE])
        now = time.time()
        start = int(now // window) * window
        key = f"throttle:{SCOPE}:{request.auth.pk}:{window}:{start}"
        try:
            count = cache.incr(key)  # one round trip to the cache for all but a window's first request
        except ValueError:  # the window's first request
            count = 1 if cache.add(key, 1, window + 1) else cache.incr(key)
        if count <= limit:
            return True
        self.retry_after = start + window - now
        return False

    def wait(self):
        return self.retry_after
