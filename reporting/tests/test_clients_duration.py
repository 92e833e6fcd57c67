"""Clients and duration (indicators.md Additions v2): active clients by gender and age band
(whole years on the period's last day), the mean duration of closed dossiers and completed
calendar months as kort (<= 3) / midden (4-12) / lang (> 12)."""

import datetime as dt

import pytest

from cases.factories import ClientFactory, TeamFactory
from reporting.factories import dossier
from reporting.tests.helpers import ALL, check, compute, dimensions

D = dt.date
Q2 = "2019-Q2"  # 2019-04-01 .. 2019-06-30


@pytest.fixture
def teams(db):
    return TeamFactory(code="team-a"), TeamFactory(code="team-b")


def test_age_on_the_last_day_and_gender_with_unknowns(teams):
    a, b = teams
    on_birthday = ClientFactory(birth_date=D(2001, 6, 30), gender="v")  # 18 on 2019-06-30
    day_before = ClientFactory(birth_date=D(2001, 7, 1), gender="m")  # still 17
    no_birth = ClientFactory(birth_date=None, gender="")  # onbekend twice
    old = ClientFactory(birth_date=D(1944, 6, 30), gender="x")  # 75
    dossier(a, D(2019, 5, 1), members=[on_birthday, day_before])
    dossier(a, D(2018, 1, 1), members=[no_birth], closed_on=D(2019, 3, 31))  # closed before Q2: not active
    dossier(b, D(2019, 6, 30), members=[no_birth, old, on_birthday])  # on_birthday in two teams
    rows = compute(Q2)
    assert dimensions(rows, "clients_active_age_band", a) == {"18-29": (1.0, 1), "0-17": (1.0, 1)}
    assert dimensions(rows, "clients_active_gender", a) == {"v": (1.0, 1), "m": (1.0, 1)}
    assert dimensions(rows, "clients_active_age_band", b) == {"onbekend": (1.0, 1), "75+": (1.0, 1),
                                                              "18-29": (1.0, 1)}
    # All teams: distinct clients, on_birthday once.
    assert dimensions(rows, "clients_active_age_band", ALL) == {
        "18-29": (1.0, 1), "0-17": (1.0, 1), "onbekend": (1.0, 1), "75+": (1.0, 1)}
    assert dimensions(rows, "clients_active_gender", ALL) == {
        "v": (1.0, 1), "m": (1.0, 1), "onbekend": (1.0, 1), "x": (1.0, 1)}


@pytest.mark.parametrize(("registered", "closed", "band"), [
    (D(2019, 1, 31), D(2019, 4, 30), "kort"),  # 3 months: the 31st does not exist in April, its last day counts
    (D(2019, 1, 31), D(2019, 5, 30), "kort"),  # 3 months and 30 days
    (D(2019, 1, 31), D(2019, 5, 31), "midden"),  # 4 months
    (D(2019, 2, 15), D(2019, 6, 14), "kort"),
    (D(2019, 2, 15), D(2019, 6, 15), "midden"),
    (D(2018, 4, 30), D(2019, 4, 30), "midden"),  # 12 months
    (D(2018, 4, 29), D(2019, 4, 30), "midden"),  # 12 months and a day
    (D(2018, 3, 31), D(2019, 4, 30), "lang"),  # 13 months (April's last day completes the 31st's month)
    (D(2018, 3, 31), D(2019, 4, 29), "midden"),  # 12 months and 29 days
    (D(2018, 5, 1), D(2019, 4, 30), "midden"),  # 11 months and 29 days
])
def test_completed_months_band(teams, registered, closed, band):
    a, _b = teams
    dossier(a, registered, closed_on=closed)
    rows = compute(Q2)
    assert dimensions(rows, "closed_duration_band", a) == {band: (1.0, 1)}
    check(rows, "closed_duration_days_mean", a, value=(closed - registered).days, count=1)


def test_duration_mean_pooled_and_empty_team(teams):
    a, b = teams
    dossier(a, D(2019, 4, 1), closed_on=D(2019, 4, 11))  # 10 days
    dossier(a, D(2019, 3, 1), closed_on=D(2019, 5, 1))  # 61 days
    dossier(a, D(2019, 3, 1), closed_on=D(2019, 7, 1))  # closed after Q2: not in closed(Q2)
    rows = compute(Q2)
    check(rows, "closed_duration_days_mean", a, value=35.5, count=2)
    check(rows, "closed_duration_days_mean", b, value=None, count=0)
    check(rows, "closed_duration_days_mean", ALL, value=35.5, count=2)
    assert dimensions(rows, "closed_duration_band", b) == {}
