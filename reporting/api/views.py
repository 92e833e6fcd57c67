"""The municipality's indicators API (../shared/specs/api.md): read-only, token clients
only, aggregated figures only. Views hold no logic: filtering is the FilterSet's, which
validates the parameters once; every use of the period (filter, file name, the
``Period-Status`` header) takes the validated value."""

import json

from django.http import HttpResponse
from django.utils.functional import cached_property
from django_filters import utils as filter_utils
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.renderers import BaseRenderer

from reporting import exports
from reporting.api import frozen, pages
from reporting.api.filters import IndicatorRowFilter, ordered
from reporting.api.openapi import CACHE_HEADERS, FILTER_PARAMETERS, NOT_MODIFIED, PERIOD_HEADERS, XLSX, responses
from reporting.api.pagination import RowPagination
from reporting.api.serializers import IndicatorRowSerializer
from reporting.models import IndicatorRow
from reporting.periods import Period


class _IndicatorView(ListAPIView):
    queryset = IndicatorRow.objects.all()
    serializer_class = IndicatorRowSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = IndicatorRowFilter

    def get_queryset(self):
        return ordered(super().get_queryset())

    @cached_property
    def filterset(self) -> IndicatorRowFilter:
        filterset = DjangoFilterBackend().get_filterset(self.request, self.get_queryset(), self)
        if not filterset.is_valid():
            raise filter_utils.translate_validation(filterset.errors)
        return filterset

    def filter_queryset(self, queryset):
        return self.filterset.qs

    @property
    def period(self) -> Period:
        return self.filterset.form.cleaned_data["period"]

    @cached_property
    def period_state(self) -> pages.PeriodState | None:
        return pages.period_state(self.period.code)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code in (200, 304) and "filterset" in self.__dict__:
            state = self.period_state
            if state is None or state.computed_at is None:
                response["Period-Status"] = "not-computed"
            else:
                response["Period-Status"] = "being-recomputed" if state.pending else "computed"
                response["Period-Computed-At"] = state.computed_at.isoformat()
        return response


@extend_schema(parameters=[*FILTER_PARAMETERS, frozen.VERSION_PARAMETER, *PERIOD_HEADERS, *CACHE_HEADERS],
               responses=responses({200: frozen.IndicatorRowDocumented(many=True), **NOT_MODIFIED}))
class IndicatorList(_IndicatorView):
    """Stored indicator rows of a period: per team and for all teams together (team null);
    with `version`, the rows of a frozen version of the period."""

    pagination_class = RowPagination

    def list(self, request, *args, **kwargs):
        if "version" in request.query_params:
            # Additions v2: reporting/api/frozen.py
            return pages.serve(self, request, lambda: frozen.frozen_rows(self, request))
        return pages.serve(self, request, self.current_rows)

    def current_rows(self):
        """A page of the current rows, from ``.values_list()`` (reporting/api/pages.py)."""
        page = self.paginate_queryset(pages.row_values(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(pages.rows(page))


class _DownloadRenderer(BaseRenderer):
    """Lets ``Accept: text/csv`` (or the Excel type) through content negotiation; the
    view writes the file itself. Errors are still Problem JSON."""

    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes | str):
            return data
        return json.dumps(data).encode()


class CsvRenderer(_DownloadRenderer):
    media_type = "text/csv"
    format = "csv"


class XlsxRenderer(_DownloadRenderer):
    media_type = XLSX
    format = "xlsx"


class _Download(_IndicatorView):
    pagination_class = None

    def rows(self):
        return self.filter_queryset(self.get_queryset()).with_computed_at()

    def filename(self, extension: str) -> str:
        return f"indicatoren-{self.period.code}.{extension}"


@extend_schema(parameters=FILTER_PARAMETERS + PERIOD_HEADERS, responses=responses({(200, "text/csv"): str}))
class IndicatorCsv(_Download):
    """The same rows as CSV (all rows, no pages)."""

    renderer_classes = [CsvRenderer]  # one format: no ?format= override, the path says it

    def list(self, request, *args, **kwargs):
        response = HttpResponse(exports.as_csv(self.rows()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.filename("csv")}"'
        return response


@extend_schema(parameters=FILTER_PARAMETERS + PERIOD_HEADERS, responses=responses({(200, XLSX): bytes}))
class IndicatorXlsx(_Download):
    """The same rows as an Excel workbook (all rows, no pages)."""

    renderer_classes = [XlsxRenderer]

    def list(self, request, *args, **kwargs):
        response = HttpResponse(exports.as_xlsx(self.rows()), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{self.filename("xlsx")}"'
        return response
