"""Deployment checks of our own (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    """The login and API throttles (``cases.throttle``, DRF) and the one-time form keys
    (``cases.form_keys``) count in the cache: in a process's own memory they count per
    process, so with several gunicorn workers a password can be tried that many times as
    often and a form sent twice can be saved twice."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache") or backend.endswith("DummyCache"):
        return [Warning(
            "CACHE_URL is not set: the cache is each process's own memory.",
            hint="Set CACHE_URL to the Redis the workers share (see .env.example): throttles and the "
                 "one-time form keys only hold across workers there.",
            id="buurtteam.W001",
        )]
    return []
