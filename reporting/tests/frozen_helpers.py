"""Stored rows of a period marked as computed, so freezing copies them as they are."""

from django.utils import timezone

from reporting.models import PeriodComputation
from reporting.tests.api_helpers import stored_rows


def computed_rows(period: str, teams, **options):
    rows = stored_rows(period, teams, **options)
    PeriodComputation.objects.update_or_create(period=period, defaults={
        "computed_at": timezone.now(), "duration_ms": 1, "row_count": len(rows)})
    return rows
