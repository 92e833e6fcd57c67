"""Every error under /api/ is Problem JSON (RFC 9457), including those that never reach
a DRF view (an unknown path, CSRF, a crash in a view or middleware: 500)."""

import logging

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, JsonResponse

from reporting.api.problems import TITLES

logger = logging.getLogger("django.request")

PROBLEM_JSON = "application/problem+json"
KEPT_HEADERS = ("WWW-Authenticate", "Retry-After", "Allow", "API-Version")
DETAILS = {
    400: "Ongeldige aanvraag.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    500: "Er ging iets mis aan onze kant; probeer het later opnieuw.",
}


def problem_response(status: int, detail: str | None = None) -> JsonResponse:
    body = {"type": "about:blank", "title": TITLES.get(status, "Fout"), "status": status,
            "detail": detail or DETAILS.get(status, TITLES.get(status, "Fout"))}
    return JsonResponse(body, status=status, content_type=PROBLEM_JSON)


class ApiProblemMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/api/") or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith(PROBLEM_JSON):
            return response
        problem = problem_response(response.status_code)
        for name in KEPT_HEADERS:
            if name in response:
                problem[name] = response[name]
        return problem

    def process_exception(self, request, exception):
        if not request.path.startswith("/api/"):
            return None
        if isinstance(exception, Http404):
            return problem_response(404)
        if isinstance(exception, PermissionDenied):
            return problem_response(403)
        if isinstance(exception, BadRequest | SuspiciousOperation):
            return problem_response(400)
        logger.error("Internal Server Error: %s", request.path, exc_info=exception,
                     extra={"status_code": 500, "request": request})
        return problem_response(500)
