"""The working-day calendar behind set-based working-day arithmetic.

``WorkingDay.number`` counts the working days (Monday-Friday, not a Dutch public holiday
per ``holidays.country_holidays("NL")``) up to and including ``day``, so the number of
working days d with a < d <= b is number(b) - number(a)."""

import datetime as dt

import holidays
from django.db import transaction
from django.db.models import Max, Min

from reporting.models import WorkingDay

EPOCH = dt.date(2000, 1, 1)


def is_working_day(day: dt.date, public_holidays) -> bool:
    return day.weekday() < 5 and day not in public_holidays


def working_days(a: dt.date, b: dt.date) -> int:
    """Reference implementation (one pair of dates): working days d with a < d <= b."""
    public_holidays = holidays.country_holidays("NL", years=range(min(a, b).year, max(a, b).year + 1))
    return sum(is_working_day(a + dt.timedelta(days=i), public_holidays) for i in range(1, (b - a).days + 1))


@transaction.atomic
def ensure_calendar(first: dt.date, last: dt.date) -> None:
    """Make sure the calendar covers [first, last] (extending it contiguously from EPOCH)."""
    first = min(first, EPOCH)
    bounds = WorkingDay.objects.aggregate(low=Min("day"), high=Max("day"))
    if bounds["low"] is not None and bounds["low"] <= first and bounds["high"] >= last:
        return
    WorkingDay.objects.all().delete()
    public_holidays = holidays.country_holidays("NL", years=range(first.year, last.year + 1))
    rows, number, day = [], 0, first
    while day <= last:
        number += is_working_day(day, public_holidays)
        rows.append(WorkingDay(day=day, ordinal=day.toordinal(), number=number))
        day += dt.timedelta(days=1)
    WorkingDay.objects.bulk_create(rows, batch_size=5000)
