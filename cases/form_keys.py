"""One row per form, however often it is sent (issue 26: a journal entry or a task sent twice
created two rows).

Every POST form renders a hidden one-time key next to its CSRF token (``{% form_key %}``,
a built-in tag, so templates need no ``{% load %}``). ``FormKeyMiddleware`` claims that key
for the logged-in person with one atomic ``cache.add`` (Redis ``SET NX`` in production) before
the view runs:

- the first request claims it and runs the view; a redirect (the view's "saved") is stored
  under the key for ``FORM_KEY_TTL`` seconds (a day); any other answer (the form again with
  its errors, an error page) or a redirect with an error message (a refused action: "this
  dossier is closed") releases the key, so sending again is tried again;
- a repeated key is not run again: it is sent where the first one went, with a Dutch message
  that the form was already saved. A repeat that arrives while the first is still running
  waits for it (``FORM_KEY_WAIT`` seconds at most; then it goes back to the form's page
  with a message that the form is still being saved).

A POST without the key (the API, scripts, tests) is left alone, as are anonymous requests
(the login forms: logging in twice creates nothing). See docs/adr/0220-idempotent-form-posts.md."""

import re
import secrets
import time

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

FIELD = "form_key"
_VALID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
PENDING = ""  # claimed, the first request has not answered yet
# A claim whose request died (a worker killed at gunicorn's 120-second timeout) lapses after
# this many seconds instead of a day.
PENDING_SECONDS = 300


def hidden_input() -> str:
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, secrets.token_urlsafe(18))


def _cache_key(user_pk, key: str) -> str:
    return f"form-key:{user_pk}:{key}"


def _saved(request, response) -> bool:
    """A redirect without an error message queued by this request. (The queue is read from
    Django's message storage as it is; iterating the storage would mark every message read.)"""
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", [])
    refused = any(message.level >= messages.ERROR for message in queued)
    return 300 <= response.status_code < 400 and response.has_header("Location") and not refused


def _back(request) -> str:
    """The page the form was on (a button's URL may take POST only), else the form's URL."""
    referer = request.headers.get("Referer", "")
    if url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return referer
    return request.get_full_path()


class FormKeyMiddleware:
    """Last in ``MIDDLEWARE``: its ``process_view`` runs after login, two-factor and CSRF
    checks, so only a request that reaches its view claims a key."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        claimed = getattr(request, "_form_key_claimed", None)
        if claimed:
            if _saved(request, response):
                cache.set(claimed, response["Location"], settings.FORM_KEY_TTL)
            else:
                cache.delete(claimed)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not request.user.is_authenticated:
            return None
        key = request.POST.get(FIELD, "")
        if not _VALID.match(key):
            return None
        cache_key = _cache_key(request.user.pk, key)
        deadline = time.monotonic() + settings.FORM_KEY_WAIT
        while True:
            if cache.add(cache_key, PENDING, PENDING_SECONDS):
                request._form_key_claimed = cache_key
                return None  # the first: run the view
            location = cache.get(cache_key)
            if location:
                messages.info(request, _("This form had already been sent; it was saved once."))
                return HttpResponseRedirect(location)
            waited_enough = time.monotonic() >= deadline
            if location is None and not waited_enough:
                continue  # the first one failed and let go of the key in between: claim it now
            if waited_enough:
                messages.warning(request, _("This form is still being saved. Check in a moment whether it was."))
                return HttpResponseRedirect(_back(request))
            time.sleep(0.05)
