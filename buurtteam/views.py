from django.http import JsonResponse
from django.views import defaults


def page_not_found(request, exception):
    """404 in Dutch for people; Problem JSON for API clients."""
    if request.path.startswith("/api/"):
        body = {"type": "about:blank", "title": "Niet gevonden", "status": 404, "detail": "Deze URL bestaat niet."}
        return JsonResponse(body, status=404, content_type="application/problem+json")
    return defaults.page_not_found(request, exception)
