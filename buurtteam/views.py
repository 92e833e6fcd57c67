from django.contrib import admin
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views import defaults

from cases.permissions import is_beheer


def page_not_found(request, exception):
    """404 in Dutch for people; Problem JSON for API clients."""
    if request.path.startswith("/api/"):
        body = {"type": "about:blank", "title": "Niet gevonden", "status": 404, "detail": "Deze URL bestaat niet."}
        return JsonResponse(body, status=404, content_type="application/problem+json")
    if request.path.startswith("/mijn/"):  # the resident's or third party's portal: its own frame
        return render(request, "portal/404.html", status=404)
    return defaults.page_not_found(request, exception)


def beheer_home(request):
    """The functional administrator's start page: the work outside the admin (access log,
    bundle import) and the admin's sections, listed from the admin site itself so a new
    app's models appear without changing this page."""
    if not is_beheer(request.user):
        raise Http404
    return render(request, "beheer_home.html", {"admin_sections": admin.site.get_app_list(request)})
