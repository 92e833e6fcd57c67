"""Working days (werkdagen): Monday-Friday that is not a Dutch public holiday per
holidays.country_holidays("NL"); working_days(a, b) counts d with a < d <= b. Checked in
the reference function, in the calendar table, and through the computed speed figures."""

import datetime as dt
import random

import pytest

from reporting.calendar_days import EPOCH, ensure_calendar, working_days
from reporting.factories import dossier
from reporting.models import WorkingDay
from reporting.tests.helpers import check, compute

D = dt.date

# (a, b, working days in (a, b], why)
CASES = [
    (D(2019, 3, 6), D(2019, 3, 6), 0, "same day"),
    (D(2019, 3, 1), D(2019, 3, 4), 1, "Friday -> Monday"),
    (D(2019, 3, 2), D(2019, 3, 3), 0, "Saturday -> Sunday"),
    (D(2019, 3, 4), D(2019, 3, 8), 4, "Monday -> Friday of the same week"),
    (D(2019, 3, 2), D(2019, 3, 4), 1, "registered on a Saturday -> Monday"),
    (D(2019, 3, 4), D(2019, 3, 11), 5, "Monday -> next Monday"),
    # Good Friday 2019-04-19 and Easter Monday 2019-04-22 are holidays: only Tuesday counts.
    (D(2019, 4, 18), D(2019, 4, 23), 1, "Easter 2019"),
    (D(2019, 4, 19), D(2019, 4, 22), 0, "Good Friday -> Easter Monday"),
    (D(2019, 4, 22), D(2019, 4, 23), 1, "Easter Monday -> Tuesday"),
    # King's Day 2019-04-27 is a Saturday: nothing changes; in 2018 it was Friday 04-27.
    (D(2019, 4, 26), D(2019, 4, 29), 1, "King's Day 2019 on a Saturday"),
    (D(2018, 4, 26), D(2018, 4, 30), 1, "King's Day 2018 on a Friday"),
    (D(2019, 5, 29), D(2019, 5, 31), 1, "Ascension Day 2019-05-30"),
    (D(2019, 6, 7), D(2019, 6, 11), 1, "Pentecost Monday 2019-06-10"),
    (D(2019, 12, 24), D(2019, 12, 27), 1, "Christmas 2019 (Wed 25, Thu 26)"),
    (D(2020, 5, 4), D(2020, 5, 6), 1, "Liberation Day 2020-05-05 (lustrum)"),
    # Mon 24, Thu 27, Fri 28, Mon 31, Wed 2, Thu 3: Christmas and New Year's Day left out.
    (D(2018, 12, 21), D(2019, 1, 3), 6, "across the turn of the year"),
]


@pytest.mark.parametrize(("a", "b", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_reference_working_days(a, b, expected, why):
    assert working_days(a, b) == expected, why


@pytest.mark.django_db
def test_calendar_table_agrees_with_the_reference():
    ensure_calendar(D(2018, 1, 1), D(2020, 12, 31))
    number = dict(WorkingDay.objects.filter(day__range=(D(2017, 12, 31), D(2020, 12, 31))).values_list("day", "number"))
    assert min(WorkingDay.objects.values_list("day", flat=True)) == EPOCH
    rng = random.Random(2019)
    pairs = [(a, b) for a, b, *_ in CASES]
    for _ in range(300):
        a = D(2018, 1, 1) + dt.timedelta(days=rng.randrange(0, 1000))
        pairs.append((a, a + dt.timedelta(days=rng.randrange(0, 60))))
    for a, b in pairs:
        assert number[b] - number[a] == working_days(a, b), (a, b)


@pytest.mark.django_db
def test_calendar_is_extended_before_the_epoch():
    ensure_calendar(D(2019, 1, 1), D(2019, 12, 31))
    ensure_calendar(D(1999, 12, 1), D(2019, 12, 31))
    number = dict(WorkingDay.objects.values_list("day", "number"))
    # 1999: Fri 24 -> Tue 28: Christmas (Sat 25, Sun 26) on a weekend; Mon 27 and Tue 28 count.
    assert number[D(1999, 12, 28)] - number[D(1999, 12, 24)] == working_days(D(1999, 12, 24), D(1999, 12, 28)) == 2
    assert max(number) >= D(2019, 12, 31)
    days = sorted(number)
    assert len(days) == (days[-1] - days[0]).days + 1, "the calendar is contiguous"


@pytest.mark.parametrize(("a", "b", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_computed_waiting_working_days_use_the_holidays(team_a, a, b, expected, why):
    dossier(team_a, a, support_started_on=b, first_contact_on=b)
    rows = compute(f"{b:%Y-%m}")
    check(rows, "waiting_working_days_mean", team_a, value=expected, count=1)
    check(rows, "waiting_days_mean", team_a, value=(b - a).days, count=1)
    check(rows, "first_contact_within_5_working_days_pct", team_a, value=100.0 if expected <= 5 else 0.0, count=1)


@pytest.mark.django_db
def test_computed_working_days_before_the_epoch(team_a):
    # The calendar starts at 2000-01-01 unless older dossiers need more.
    dossier(team_a, D(1999, 12, 24), support_started_on=D(1999, 12, 28))
    rows = compute("1999-12")
    check(rows, "waiting_working_days_mean", team_a, value=2, count=1)
    check(rows, "waiting_days_mean", team_a, value=4, count=1)
