from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.permissions import AllowAny

from reporting.api import schema  # noqa: F401 (registers the token security scheme)
from reporting.api.frozen import RevisionList
from reporting.api.views import IndicatorCsv, IndicatorList, IndicatorXlsx


def api_view(view):
    """API endpoints authenticate with tokens, not the login page."""
    return login_not_required(view.as_view())


urlpatterns = [
    path("indicators", api_view(IndicatorList), name="api-indicators"),
    path("indicators.csv", api_view(IndicatorCsv), name="api-indicators-csv"),
    path("indicators.xlsx", api_view(IndicatorXlsx), name="api-indicators-xlsx"),
    path("revisions", api_view(RevisionList), name="api-revisions"),
    path(
        "openapi.json",
        login_not_required(SpectacularJSONAPIView.as_view(authentication_classes=[], permission_classes=[AllowAny])),
        name="api-schema",
    ),
]
