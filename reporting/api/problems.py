"""Problem JSON (RFC 9457, application/problem+json) for every API error."""

from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

TITLES = {
    400: "Ongeldige aanvraag",
    401: "Niet geauthenticeerd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Niet aanvaardbaar",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


def problem(status_code: int, detail: str, *, invalid_params=None, headers=None) -> Response:
    body = {
        "type": "about:blank",
        "title": TITLES.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
    }
    if invalid_params:
        body["invalid_params"] = invalid_params
    response = Response(body, status=status_code, headers=headers, content_type="application/problem+json")
    return response


def _invalid_params(data) -> list[dict]:
    params = []
    if isinstance(data, dict):
        for name, messages in data.items():
            for message in messages if isinstance(messages, list) else [messages]:
                params.append({"name": name, "code": getattr(message, "code", "invalid"), "reason": str(message)})
    return params


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        if isinstance(exc, Http404):
            return problem(status.HTTP_404_NOT_FOUND, "Niet gevonden.")
        return None
    headers = {k: v for k, v in response.headers.items() if k in ("WWW-Authenticate", "Retry-After", "Allow")}
    if isinstance(exc, exceptions.ValidationError):
        params = _invalid_params(exc.detail)
        names = ", ".join(p["name"] for p in params)
        return problem(400, f"Ongeldige parameter: {names}." if names else "Ongeldige aanvraag.",
                       invalid_params=params, headers=headers)
    if isinstance(exc, exceptions.Throttled):
        wait = f" Probeer het over {int(exc.wait) + 1} seconden opnieuw." if exc.wait is not None else ""
        return problem(429, f"Te veel verzoeken.{wait}", headers=headers)
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    return problem(response.status_code, str(detail), headers=headers)
