"""What the OpenAPI document says about the parameters and responses of every
indicators endpoint (the JSON list and its CSV and Excel downloads alike)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

from reporting.api.filters import PERIOD_PATTERN, TEAM_PATTERN
from reporting.indicators.catalogue import INDICATOR_CODES

PROBLEM_JSON = "application/problem+json"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Problem = inline_serializer("Problem", {
    "type": serializers.CharField(),
    "title": serializers.CharField(),
    "status": serializers.IntegerField(),
    "detail": serializers.CharField(),
    "invalid_params": inline_serializer("InvalidParam", {
        "name": serializers.CharField(), "code": serializers.CharField(), "reason": serializers.CharField(),
    }, many=True, required=False),
})

FILTER_PARAMETERS = [
    OpenApiParameter("period", str, required=True, pattern=PERIOD_PATTERN, allow_blank=False,
                     description="A quarter (2019-Q2), month (2019-04), half-year (2019-H1, 2019-H2) or year (2019)."),
    OpenApiParameter("team", str, pattern=TEAM_PATTERN, allow_blank=False,
                     description="A team code, or `none` for the all-teams rows. An unknown code is a 400."),
    OpenApiParameter("indicator", str, many=True, enum=list(INDICATOR_CODES), explode=True,
                     description="Indicator code; repeat the parameter for several."),
    OpenApiParameter("dimension", str, description="Only rows of this dimension (empty: the main figure)."),
]

PERIOD_HEADERS = [
    OpenApiParameter("Period-Status", str, OpenApiParameter.HEADER, response=[200], enum=[
        "computed", "not-computed", "being-recomputed",
    ], description="Whether the period has been computed: `not-computed` means no figures exist yet (the answer "
                   "is empty for that reason, not because the figures are zero)."),
    OpenApiParameter("Period-Computed-At", OpenApiTypes.DATETIME, OpenApiParameter.HEADER, response=[200],
                     description="When the period's figures were computed; absent when never computed."),
]

# The JSON list's conditional requests (reporting/api/pages.py, docs/adr/0070).
CACHE_HEADERS = [
    OpenApiParameter("If-None-Match", str, OpenApiParameter.HEADER,
                     description="The `ETag` of a page received before: unchanged, it is answered 304 without a body."),
    OpenApiParameter("ETag", str, OpenApiParameter.HEADER, response=[200, 304],
                     description="Changes when the period is recomputed or frozen, or the query differs."),
]
NOT_MODIFIED = {304: OpenApiResponse(description="Not modified: the `If-None-Match` ETag is still current.")}


def _problem(description: str) -> OpenApiResponse:
    return OpenApiResponse(Problem, description=description)


ERRORS = {
    (400, PROBLEM_JSON): _problem("A parameter is missing or invalid; `invalid_params` names it."),
    (401, PROBLEM_JSON): _problem("No or an invalid token (`Authorization: Token <token>`)."),
    (404, PROBLEM_JSON): _problem("No such page of results, or (`version`, revisions) no such frozen version "
                                  "of the period."),
    (406, PROBLEM_JSON): _problem("The `Accept` header asks for a format this endpoint does not give."),
    (429, PROBLEM_JSON): _problem("Too many requests; `Retry-After` says when to try again."),
}


def responses(ok: dict) -> dict:
    return {**ok, **ERRORS}
