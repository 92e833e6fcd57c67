"""Care referrals (doorstroom maatwerk): granted and rejected by decision date, care
started by start date, per team of the referral's dossier and pooled."""

import datetime as dt

import pytest

from cases.factories import TeamFactory
from maatwerk.models import Category, Status
from reporting.factories import dossier, referral
from reporting.tests.helpers import ALL, check, compute, dimensions

D = dt.date
Q1 = "2019-Q1"


@pytest.fixture
def data(db):
    a = TeamFactory(code="team-a")
    b = TeamFactory(code="team-b")
    empty = TeamFactory(code="team-c")
    da = dossier(a, D(2018, 11, 1))
    db_ = dossier(b, D(2018, 11, 1))
    guidance, daytime, transport = Category.GUIDANCE, Category.DAYTIME, Category.TRANSPORT
    # Team A
    referral(da, "iab-x", "lister-x", decided_on=D(2019, 1, 1), starts_on=D(2019, 1, 15), category=guidance)
    referral(da, "iab-x", "ldh-x", decided_on=D(2019, 3, 31), starts_on=D(2019, 4, 2))  # starts after Q1
    referral(da, "dagb-x", "lister-x", decided_on=D(2018, 12, 20), starts_on=D(2019, 2, 1),
             category=daytime)  # decided before Q1, care starts in Q1
    referral(da, "dagb-x", "lister-x", status=Status.REJECTED, decided_on=D(2019, 2, 10))
    referral(da, "iab-x", "lister-x", status=Status.REQUESTED)  # undecided: nowhere
    referral(da, "iab-x", "lister-x", status=Status.WITHDRAWN, decided_on=D(2019, 2, 1),
             starts_on=D(2019, 2, 5))  # withdrawn: nowhere
    referral(da, "iab-x", "lister-x", status=Status.REJECTED, decided_on=D(2019, 4, 1))  # after Q1
    referral(da, "dagb-x", "ldh-x", status=Status.REJECTED, decided_on=D(2019, 1, 20),
             starts_on=D(2019, 2, 1))  # rejected: no care started
    # Team B
    referral(db_, "vervoer-x", "lister-x", decided_on=D(2019, 2, 15), starts_on=D(2019, 3, 1), category=transport)
    referral(db_, "vervoer-x", "lister-x", status=Status.REJECTED, decided_on=D(2019, 3, 1))
    referral(db_, "iab-x", "ldh-x", status=Status.REJECTED, decided_on=D(2019, 3, 2))
    return a, b, empty


def test_referrals_granted(data):
    a, b, empty = data
    rows = compute(Q1)
    assert dimensions(rows, "referrals_granted", a) == {
        "": (2.0, 2),
        "product:iab-x": (2.0, 2),
        "provider:lister-x": (1.0, 1),
        "provider:ldh-x": (1.0, 1),
        "category:begeleiding": (2.0, 2),
    }
    assert dimensions(rows, "referrals_granted", b) == {
        "": (1.0, 1), "product:vervoer-x": (1.0, 1), "provider:lister-x": (1.0, 1), "category:vervoer": (1.0, 1)}
    assert dimensions(rows, "referrals_granted", ALL) == {
        "": (3.0, 3),
        "product:iab-x": (2.0, 2),
        "product:vervoer-x": (1.0, 1),
        "provider:lister-x": (1.0 + 1, 2),
        "provider:ldh-x": (1.0, 1),
        "category:begeleiding": (2.0, 2),
        "category:vervoer": (1.0, 1),
    }
    assert dimensions(rows, "referrals_granted", empty) == {"": (0.0, 0)}


def test_referrals_rejected(data):
    a, b, empty = data
    rows = compute(Q1)
    check(rows, "referrals_rejected", a, value=2, count=2)  # 02-10 and 01-20
    check(rows, "referrals_rejected", b, value=2, count=2)
    check(rows, "referrals_rejected", ALL, value=4, count=4)
    check(rows, "referrals_rejected", empty, value=0, count=0)
    assert dimensions(rows, "referrals_rejected", a).keys() == {""}


def test_care_started(data):
    a, b, empty = data
    rows = compute(Q1)
    # A: iab-x starting 01-15 and dagb-x starting 02-01 (decided in 2018)
    assert dimensions(rows, "care_started", a) == {"": (2.0, 2), "category:begeleiding": (1.0, 1),
                                                   "category:dagbesteding": (1.0, 1)}
    assert dimensions(rows, "care_started", b) == {"": (1.0, 1), "category:vervoer": (1.0, 1)}
    assert dimensions(rows, "care_started", ALL) == {
        "": (3.0, 3), "category:begeleiding": (1.0, 1), "category:dagbesteding": (1.0, 1),
        "category:vervoer": (1.0, 1)}
    assert dimensions(rows, "care_started", empty) == {"": (0.0, 0)}


def test_months_of_the_quarter(data):
    a, _b, _empty = data
    rows = compute("2019-01", "2019-03", "2019-04")
    check(rows, "referrals_granted", a, value=1, count=1, period="2019-01")  # decided on the first day
    check(rows, "referrals_granted", a, value=1, count=1, period="2019-03")  # decided on the last day
    check(rows, "referrals_granted", a, value=0, count=0, period="2019-04")
    check(rows, "referrals_rejected", a, value=1, count=1, period="2019-04")
    check(rows, "care_started", a, value=1, count=1, period="2019-04")  # starts 04-02
    check(rows, "care_started", a, "category:begeleiding", value=1, count=1, period="2019-04")
