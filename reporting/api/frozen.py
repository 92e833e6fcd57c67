"""Frozen figures in the API (api.md, Additions v2): ``/api/v1/indicators?version=frozen|<n>``
answers the rows of a frozen version; ``/api/v1/revisions`` the differences between the
latest frozen version and the current rows. Both answer 404 Problem JSON for a period
without such a version. Serialised from ``.values()``: no model objects are built."""

import re

from django import forms
from django.db.models import F
from django_filters import utils as filter_utils
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import exceptions, serializers
from rest_framework.fields import DateTimeField
from rest_framework.generics import ListAPIView
from rest_framework.response import Response

from reporting.api.filters import PERIOD_PATTERN, PeriodField
from reporting.api.openapi import responses
from reporting.api.pagination import RowPagination
from reporting.api.problems import problem
from reporting.api.serializers import IndicatorRowSerializer
from reporting.freezing import get_version, latest_version, revisions
from reporting.models import FrozenRow

VERSION_PATTERN = r"^(frozen|[1-9][0-9]{0,8})$"

VERSION_PARAMETER = OpenApiParameter(
    "version", str, pattern=VERSION_PATTERN, allow_blank=False,
    description="`frozen`: the rows of the latest frozen version of the period; a number: that version. Rows then "
                "also carry `version` and `frozen_at`. A period without such a version is a 404. Without "
                "`version`: the current rows.",
)

_datetime = DateTimeField()


def parse_version(value: str) -> int | None:
    """``frozen`` → None (the latest), a number → that number; anything else a 400 naming ``version``."""
    if value == "frozen":
        return None
    if re.fullmatch(VERSION_PATTERN, value or ""):
        return int(value)
    raise exceptions.ValidationError({"version": [exceptions.ErrorDetail(
        "Gebruik version=frozen (de laatst vastgestelde versie) of een versienummer (1, 2, …).", code="invalid")]})


def no_version(period) -> Response:
    return problem(404, f"Van periode {period.code} is (zo) geen vastgestelde versie.")


def frozen_rows(view, request):
    """The rows of version ``version`` of the period, with the view's validated filters and pages."""
    data = view.filterset.form.cleaned_data
    period = data["period"]
    version = get_version(period, parse_version(request.query_params.get("version", "")))
    if version is None:
        return no_version(period)
    rows = FrozenRow.objects.filter(version=version)
    if data.get("team") == "none":
        rows = rows.filter(team__isnull=True)
    elif data.get("team"):
        rows = rows.filter(team__code=data["team"])
    if data.get("indicator"):
        rows = rows.filter(indicator__in=data["indicator"])
    if data.get("dimension") not in (None, ""):
        rows = rows.filter(dimension=data["dimension"])
    rows = rows.order_by(F("team__code").asc(nulls_first=True), "indicator", "dimension", "id").values(
        "team__code", "indicator", "dimension", "value", "count", "computed_at")
    page = view.paginate_queryset(rows)
    frozen_at = _datetime.to_representation(version.frozen_at)
    return view.get_paginated_response([
        {"period": period.code, "team": row["team__code"], "indicator": row["indicator"],
         "dimension": row["dimension"], "value": row["value"], "count": row["count"],
         "computed_at": _datetime.to_representation(row["computed_at"]), "version": version.number,
         "frozen_at": frozen_at}
        for row in page
    ])


@extend_schema_serializer(component_name="IndicatorRow")
class IndicatorRowDocumented(IndicatorRowSerializer):
    """The documented row: an IndicatorRow, with ``version`` and ``frozen_at`` when asked for a frozen version."""

    version = serializers.IntegerField(required=False, help_text="Only with `version`: the frozen version's number.")
    frozen_at = serializers.DateTimeField(required=False, help_text="Only with `version`: when it was frozen.")

    class Meta(IndicatorRowSerializer.Meta):
        fields = [*IndicatorRowSerializer.Meta.fields, "version", "frozen_at"]
        read_only_fields = fields


class RevisionSerializer(serializers.Serializer):
    team = serializers.CharField(allow_null=True, help_text="Team code; null for the figure of all teams together.")
    indicator = serializers.CharField()
    dimension = serializers.CharField(allow_blank=True)
    frozen_value = serializers.FloatField(allow_null=True, help_text="Null: no figure, or no row in the version.")
    current_value = serializers.FloatField(allow_null=True, help_text="Null: no figure, or no current row.")
    frozen_count = serializers.IntegerField(allow_null=True, help_text="Null: no row in the frozen version.")
    current_count = serializers.IntegerField(allow_null=True, help_text="Null: no current row.")


class RevisionParameters(forms.Form):
    period = PeriodField(required=True)


@extend_schema(
    parameters=[OpenApiParameter("period", str, required=True, pattern=PERIOD_PATTERN, allow_blank=False,
                                 description="A quarter (2019-Q2), month (2019-04), half-year (2019-H1) or year.")],
    responses=responses({200: RevisionSerializer(many=True)}),
)
class RevisionList(ListAPIView):
    """Every (team, indicator, dimension) whose current value differs from the latest frozen
    version of the period, or that exists in only one of them. A change of count alone is
    not a revision; a null against a number is."""

    serializer_class = RevisionSerializer
    pagination_class = RowPagination
    filter_backends = []

    def list(self, request, *args, **kwargs):
        parameters = RevisionParameters(request.query_params)
        if not parameters.is_valid():
            raise filter_utils.translate_validation(parameters.errors)
        period = parameters.cleaned_data["period"]
        version = latest_version(period)
        if version is None:
            return no_version(period)
        page = self.paginate_queryset(revisions(version))
        return self.get_paginated_response([
            {"team": r.team_code, "indicator": r.indicator, "dimension": r.dimension,
             "frozen_value": r.frozen_value, "current_value": r.current_value,
             "frozen_count": r.frozen_count, "current_count": r.current_count}
            for r in page
        ])

