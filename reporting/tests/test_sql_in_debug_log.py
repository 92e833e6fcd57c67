"""With DEBUG on (the embedded default of ``make run``) Django formats every query for its
log: the indicator SQL must survive that (a literal "%" once broke ``demo_data``)."""

import pytest
from django.db import connection

from cases.factories import household
from reporting.compute import compute_periods
from reporting.periods import Period

pytestmark = pytest.mark.django_db


def test_every_family_computes_with_the_debug_cursor(team_a):
    household(team_a, members=2)
    connection.force_debug_cursor = True
    try:
        compute_periods([Period.parse("2026-Q3")])
    finally:
        connection.force_debug_cursor = False
    assert connection.queries  # the queries were formatted for the log
