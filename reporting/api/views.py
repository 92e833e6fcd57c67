"""The municipality's indicators API (../shared/specs/api.md): read-only, token clients
only, aggregated figures only. Views hold no logic: filtering is the FilterSet's."""

from django.http import HttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.pagination import PageNumberPagination

from reporting import exports
from reporting.api.filters import IndicatorRowFilter, ordered
from reporting.api.serializers import IndicatorRowSerializer
from reporting.models import IndicatorRow


class IndicatorPagination(PageNumberPagination):
    page_size = 1000
    page_size_query_param = "page_size"
    max_page_size = 1000


class IndicatorList(ListAPIView):
    """Stored indicator rows of a period: per team and for all teams together (team null)."""

    queryset = IndicatorRow.objects.all()
    serializer_class = IndicatorRowSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = IndicatorRowFilter
    pagination_class = IndicatorPagination

    def get_queryset(self):
        return ordered(super().get_queryset())


class _Download(ListAPIView):
    queryset = IndicatorRow.objects.all()
    filter_backends = [DjangoFilterBackend]
    filterset_class = IndicatorRowFilter
    serializer_class = IndicatorRowSerializer  # for the schema only
    pagination_class = None

    def rows(self):
        return ordered(self.filter_queryset(self.get_queryset()))

    def filename(self, extension: str) -> str:
        return f"indicatoren-{self.request.query_params.get('period', '')}.{extension}"


@extend_schema(responses={(200, "text/csv"): str})
class IndicatorCsv(_Download):
    """The same rows as CSV (all rows, no pages)."""

    def list(self, request, *args, **kwargs):
        response = HttpResponse(exports.as_csv(self.rows()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.filename("csv")}"'
        return response


@extend_schema(responses={(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): bytes})
class IndicatorXlsx(_Download):
    """The same rows as an Excel workbook (all rows, no pages)."""

    def list(self, request, *args, **kwargs):
        response = HttpResponse(
            exports.as_xlsx(self.rows()),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename("xlsx")}"'
        return response
