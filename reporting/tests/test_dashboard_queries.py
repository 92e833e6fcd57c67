"""The dashboards read the reporting tables with a constant number of queries: more
teams, dossiers and indicator rows do not mean more queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.factories import TeamFactory
from conftest import as_user
from reporting.compute import compute_periods
from reporting.factories import dossier, measurement, referral
from reporting.models import IndicatorRow
from reporting.tests.test_dashboard_figures import Q2, Q3, D, populate


def grow(teams: int, also):
    """More teams (and more for ``also``), each with closed, rated, measured and referred dossiers; recomputed."""
    for number, team in enumerate([also, *(TeamFactory(code=f"extra-{n}") for n in range(teams))]):
        for day in range(1, 6):
            d = dossier(team, D(2026, 7, day), first_contact_on=D(2026, 7, day + 2),
                        support_started_on=D(2026, 7, day + 3), closed_on=D(2026, 9, day),
                        closure_reason="voortijdig_in_overeenstemming", can_continue_independently="ja",
                        client_rating=day + 3)
            measurement(d, "nulmeting", D(2026, 7, day + 3), {"financien": day % 5 + 1, "justitie": 2})
            measurement(d, "eindmeting", D(2026, 9, day), {"financien": 5, "justitie": 3})
            referral(d, f"dagbesteding-{number}", f"aanbieder-{number}", decided_on=D(2026, 8, day),
                     category="dagbesteding")
    compute_periods([Q2, Q3])


def count(client, url, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["team", "organisation"])
def test_constant_number_of_queries(client, coach_a, team_a, team_b, page):
    populate(team_a, team_b)
    as_user(client, coach_a)
    url = (reverse("reporting:team_dashboard", args=[team_a.code]) if page == "team"
           else reverse("reporting:organisation"))
    small_rows = IndicatorRow.objects.count()
    before = count(client, url, {"period": Q3})
    grow(teams=6, also=team_a)
    assert IndicatorRow.objects.count() > 3 * small_rows
    after = count(client, url, {"period": Q3})
    assert after == before
    assert after <= 10, "a handful of queries per page"
