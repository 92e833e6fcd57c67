"""Consent in force on day d exactly when given_on <= d and neither expired nor withdrawn
on or before d (plan.md), at the edge days, in SQL and in Python alike."""

import datetime as dt

import pytest

from plans.models import Consent, ConsentForm

D = dt.date(2026, 6, 15)
DAY = dt.timedelta(days=1)


def _consent(member, dossier, **dates):
    return Consent.objects.create(client=member, dossier=dossier, recipient="huisarts Jansen",
                                  form=ConsentForm.WRITTEN, **dates)


def _in_force(consent, day) -> bool:
    in_sql = Consent.objects.in_force(day).filter(pk=consent.pk).exists()
    assert in_sql == consent.in_force_on(day)
    return in_sql


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("dates", "day", "expected"),
    [
        ({"given_on": D}, D - DAY, False),  # not yet given
        ({"given_on": D}, D, True),  # given that day
        ({"given_on": D}, D + 1000 * DAY, True),  # no end
        ({"given_on": D, "expires_on": D + 10 * DAY}, D + 9 * DAY, True),
        ({"given_on": D, "expires_on": D + 10 * DAY}, D + 10 * DAY, False),  # expired on d
        ({"given_on": D, "expires_on": D}, D, False),  # expires the day it is given
        ({"given_on": D, "withdrawn_on": D + 3 * DAY}, D + 2 * DAY, True),
        ({"given_on": D, "withdrawn_on": D + 3 * DAY}, D + 3 * DAY, False),  # withdrawn on d
        ({"given_on": D, "withdrawn_on": D + 3 * DAY}, D + 4 * DAY, False),
        ({"given_on": D, "expires_on": D + 10 * DAY, "withdrawn_on": D + 5 * DAY}, D + 7 * DAY, False),
    ],
)
def test_in_force_edge_days(dossier, member, dates, day, expected):
    assert _in_force(_consent(member, dossier, **dates), day) is expected
