"""Stored rows of a period marked as computed, so freezing copies them as they are."""

from django.utils import timezone

from reporting.models import PeriodComputation
from reporting.periods import Period
from reporting.tests.api_helpers import stored_rows


def mark_computed(period: str, row_count: int = 0) -> None:
    PeriodComputation.objects.update_or_create(period=period, defaults={
        "computed_at": timezone.now(), "duration_ms": 1, "row_count": row_count})


def computed_rows(period: str, teams, **options):
    """Rows of ``period``; a quarter's months are marked computed too (without rows), so that
    freezing the quarter does not compute it first."""
    rows = stored_rows(period, teams, **options)
    for month in Period.parse(period).months:
        mark_computed(month.code)
    return rows
