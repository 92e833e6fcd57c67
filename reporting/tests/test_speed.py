"""Speed (snelheid, wachttijd): waiting time to the start of support in calendar and
working days, first contact within five working days, days to first contact per location.

April 2019 has Good Friday (04-19) and Easter Monday (04-22) as holidays."""

import datetime as dt

import pytest

from cases.factories import TeamFactory
from reporting.factories import dossier
from reporting.tests.helpers import ALL, check, compute, dimensions

D = dt.date
APRIL = "2019-04"


@pytest.fixture
def data(db):
    a = TeamFactory(code="team-a")
    b = TeamFactory(code="team-b")
    empty = TeamFactory(code="team-c")
    # s1: Thu 04-18 -> support Tue 04-23: 5 calendar days, 1 working day (Easter); contact same day
    dossier(a, D(2019, 4, 18), support_started_on=D(2019, 4, 23), first_contact_on=D(2019, 4, 18),
            first_contact_location="thuis")
    # s2: Fri 03-29 -> Mon 04-01: 3 calendar days, 1 working day (support and contact)
    dossier(a, D(2019, 3, 29), support_started_on=D(2019, 4, 1), first_contact_on=D(2019, 4, 1),
            first_contact_location="kantoor")
    # s3: Mon 04-01 -> support Mon 04-15: 14 days, 10 working days; contact Mon 04-08: 7 days, exactly 5 working days
    dossier(a, D(2019, 4, 1), support_started_on=D(2019, 4, 15), first_contact_on=D(2019, 4, 8),
            first_contact_location="thuis")
    # s4: Thu 04-18 -> contact Tue 04-30: 12 days, 6 working days (23 24 25 26 29 30): not within 5
    dossier(a, D(2019, 4, 18), first_contact_on=D(2019, 4, 30), first_contact_location="elders")
    # s5: support and contact outside April: in neither cohort
    dossier(a, D(2019, 3, 1), support_started_on=D(2019, 5, 2), first_contact_on=D(2019, 3, 5),
            first_contact_location="thuis")
    # s6: Wed 04-10 -> Thu 04-11, no location recorded: only in the overall figures
    dossier(a, D(2019, 4, 10), first_contact_on=D(2019, 4, 11))
    # t1 (team B): Mon 04-01 -> support Tue 04-02 (1 day, 1 working day), contact same day at the office
    dossier(b, D(2019, 4, 1), support_started_on=D(2019, 4, 2), first_contact_on=D(2019, 4, 1),
            first_contact_location="kantoor")
    return a, b, empty


def test_waiting_days_mean(data):
    a, b, empty = data
    rows = compute(APRIL)
    check(rows, "waiting_days_mean", a, value=(5 + 3 + 14) / 3, count=3)
    check(rows, "waiting_working_days_mean", a, value=(1 + 1 + 10) / 3, count=3)
    check(rows, "waiting_days_mean", b, value=1, count=1)
    check(rows, "waiting_working_days_mean", b, value=1, count=1)
    # pooled over the 4 dossiers, not the mean of (22/3 and 1)
    check(rows, "waiting_days_mean", ALL, value=(5 + 3 + 14 + 1) / 4, count=4)
    check(rows, "waiting_working_days_mean", ALL, value=(1 + 1 + 10 + 1) / 4, count=4)
    check(rows, "waiting_days_mean", empty, value=None, count=0)
    check(rows, "waiting_working_days_mean", empty, value=None, count=0)


def test_first_contact_within_5_working_days(data):
    a, b, empty = data
    rows = compute(APRIL)
    # A: s1 (0), s2 (1), s3 (exactly 5), s6 (1) within; s4 (6) not
    check(rows, "first_contact_within_5_working_days_pct", a, value=100 * 4 / 5, count=5)
    check(rows, "first_contact_within_5_working_days_pct", b, value=100.0, count=1)
    check(rows, "first_contact_within_5_working_days_pct", ALL, value=100 * 5 / 6, count=6)
    check(rows, "first_contact_within_5_working_days_pct", empty, value=None, count=0)


def test_first_contact_days_mean_per_location(data):
    a, b, empty = data
    rows = compute(APRIL)
    check(rows, "first_contact_days_mean", a, value=(0 + 3 + 7 + 12 + 1) / 5, count=5)
    assert dimensions(rows, "first_contact_days_mean", a) == {
        "": (pytest.approx((0 + 3 + 7 + 12 + 1) / 5), 5),
        "thuis": (pytest.approx((0 + 7) / 2), 2),
        "kantoor": (3.0, 1),
        "elders": (12.0, 1),
    }
    assert dimensions(rows, "first_contact_days_mean", b) == {"": (0.0, 1), "kantoor": (0.0, 1)}
    check(rows, "first_contact_days_mean", ALL, value=(0 + 3 + 7 + 12 + 1 + 0) / 6, count=6)
    check(rows, "first_contact_days_mean", ALL, "thuis", value=(0 + 7) / 2, count=2)
    check(rows, "first_contact_days_mean", ALL, "kantoor", value=(3 + 0) / 2, count=2)
    check(rows, "first_contact_days_mean", ALL, "elders", value=12, count=1)
    # empty cohort: the overall row is null, location rows are absent
    assert dimensions(rows, "first_contact_days_mean", empty) == {"": (None, 0)}


def test_registered_friday_contact_monday_is_one_working_day(team_a):
    # 6 working days would be outside; Fri 03-01 -> Mon 03-04 is 1 (3 calendar days)
    dossier(team_a, D(2019, 3, 1), first_contact_on=D(2019, 3, 4), first_contact_location="thuis",
            support_started_on=D(2019, 3, 4))
    rows = compute("2019-03")
    check(rows, "waiting_working_days_mean", team_a, value=1, count=1)
    check(rows, "waiting_days_mean", team_a, value=3, count=1)
    check(rows, "first_contact_within_5_working_days_pct", team_a, value=100.0, count=1)


def test_christmas_is_not_a_working_day(team_a):
    # Mon 2019-12-23 -> Mon 2019-12-30: Tue 24, Fri 27, Mon 30 = 3 working days (25, 26 Christmas)
    dossier(team_a, D(2019, 12, 23), support_started_on=D(2019, 12, 30))
    # Mon 2019-12-16 -> Tue 2019-12-24: 17 18 19 20 23 24 = 6 working days, 8 calendar days
    dossier(team_a, D(2019, 12, 16), support_started_on=D(2019, 12, 24))
    rows = compute("2019-12")
    check(rows, "waiting_working_days_mean", team_a, value=(3 + 6) / 2, count=2)
    check(rows, "waiting_days_mean", team_a, value=(7 + 8) / 2, count=2)


def test_cohort_is_by_event_date_not_registration(team_a):
    # registered in March, support started in April: counts in April only
    dossier(team_a, D(2019, 3, 28), support_started_on=D(2019, 4, 3))
    march, april = compute("2019-03"), compute(APRIL)
    check(march, "waiting_days_mean", team_a, value=None, count=0)
    check(april, "waiting_days_mean", team_a, value=6, count=1)
    # Thu 03-28 -> Wed 04-03: 29, 1, 2, 3
    check(april, "waiting_working_days_mean", team_a, value=4, count=1)
