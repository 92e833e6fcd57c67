"""Staff sessions and portal sessions never mix (issue 18).

- A portal session (resident or invitee, logged in through ``portal.backends.PortalBackend``)
  opens only /mijn/ (and static files, language choice): any other page redirects to the
  portal's start page, the API answers 403.
- A staff session opens no /mijn/ page: 403.
Runs after the authentication middleware, on every request."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template import loader

PORTAL_PREFIX = "/mijn/"
PORTAL_BACKEND = "portal.backends.PortalBackend"
PORTAL_BACKENDS = (PORTAL_BACKEND, "portal.oidc.PortalOIDCBackend")  # password + e-mail code; DigiD
# Pages a portal session may open outside /mijn/.
OPEN_TO_PORTAL = ("/i18n/setlang/",)


def is_portal_session(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and request.session.get(BACKEND_SESSION_KEY) in PORTAL_BACKENDS)


def _forbidden(request, template="403.html"):
    return HttpResponseForbidden(loader.render_to_string(template, request=request))


class PortalSeparationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        static = path.startswith("/" + settings.STATIC_URL.lstrip("/"))
        if request.user.is_authenticated and not static:
            portal_path = path.startswith(PORTAL_PREFIX)
            if is_portal_session(request):
                if not portal_path and path not in OPEN_TO_PORTAL:
                    if path.startswith("/api/") or request.method != "GET":
                        return _forbidden(request, "portal/403.html")
                    return redirect("portal:home")
            elif portal_path:
                return _forbidden(request)
        return self.get_response(request)
