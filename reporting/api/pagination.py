"""Pages of at most 1,000 rows. ``page_size`` is documented as an integer from 1: anything
else (``false``, ``0``, ``1.5``) is a 400 with ``invalid_params``, where DRF's own paginator
quietly serves the default page; above 1,000 it is capped at 1,000, as documented."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

MAX_PAGE_SIZE = 1000


class RowPagination(PageNumberPagination):
    page_size = MAX_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
            raise ValidationError({self.page_size_query_param: ["Een heel getal vanaf 1."]}, code="invalid")
        return min(int(raw), self.max_page_size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
                parameter["description"] = f"Rows per page, from 1; more than {MAX_PAGE_SIZE} gives {MAX_PAGE_SIZE}."
        return parameters
