"""Exact queries of the pages this work changed: the team dashboard with its melder,
clients-and-duration and ZRM-detail sections, the organisation overview of a half-year and
its download of all figures. Each query is named; the new sections add one query (the
referrers' names) and share the ZRM domain labels with the ZRM table; nothing grows with
teams, dossiers or rows (test_dashboard_queries.py grows them)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import as_user
from reporting.compute import compute_periods
from reporting.tests.v2_dashboard_data import H1, Q3, populate

LOGGED_IN = [
    "django_session",  # the session
    "auth_user",  # the user
    "otp_totp_totpdevice",  # the user's second factor (staffauth)
    "cases_membership",  # the user's teams and roles (cases.permissions.roles)
]


@pytest.fixture
def computed(team_a, team_b):
    populate(team_a, team_b)


def tables(client, url, period) -> list[str]:
    """The main table of each query of one request, in order."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"period": period})
    assert response.status_code == 200
    return [re.search(r'FROM "([a-z_0-9]+)"', q["sql"]).group(1) for q in queries.captured_queries]


def test_team_dashboard(client, coach_a, team_a, computed):
    as_user(client, coach_a)
    assert tables(client, reverse("reporting:team_dashboard", args=[team_a.code]), Q3) == [
        *LOGGED_IN[:3],
        "cases_team",  # the team by its code
        LOGGED_IN[3],
        "reporting_periodcomputation",  # bookkeeping of the quarter, its trend, months, the current quarter, choices
        "reporting_indicatorrow",  # every figure of the page: all sections, team and municipality, one query
        "cases_referrer",  # the referrers' names (melder section; only when a registration has a referrer)
        "zrm_domain",  # the ZRM domain labels, shared by the ZRM, ZRM-detail and plan sections
        "cases_team",  # the user's teams for the page's navigation (context processor)
        "reporting_frozenversion",  # whether the quarter is frozen (frozen panel)
    ]


def test_organisation_overview_of_a_half_year(client, beleid, computed):
    as_user(client, beleid)
    assert tables(client, reverse("reporting:organisation"), H1) == [
        *LOGGED_IN,
        "reporting_periodcomputation",  # bookkeeping of the half-year and every period in the picker
        "cases_team",  # the teams, by name
        "reporting_indicatorrow",  # the key figures of every team and the municipality
        # (no query for the navigation's teams: policy staff are members of none)
        "reporting_frozenversion",  # whether the half-year is frozen (frozen panel)
    ]


@pytest.mark.parametrize("name", ["organisation_figures_csv", "organisation_xlsx"])
def test_downloads_of_all_figures(client, beleid, computed, name):
    as_user(client, beleid)
    assert tables(client, reverse(f"reporting:{name}"), H1) == [
        *LOGGED_IN,
        "reporting_periodcomputation",  # was the period computed (else 404)
        "cases_team",  # the teams, by name (the overview's sheet)
        "reporting_indicatorrow",  # the overview's key figures
        "reporting_indicatorrow",  # every stored figure of the period with its team's name and code
        "reporting_frozenversion",  # was the period frozen (the column "Vastgesteld"; never here)
    ]


def test_no_referrer_query_without_referred_registrations(client, coach_a, team_a, computed):
    """2026-Q2 has no registration with a referrer and no ZRM rows: the page reads no names or labels."""
    compute_periods(["2026-Q2"])
    as_user(client, coach_a)
    found = tables(client, reverse("reporting:team_dashboard", args=[team_a.code]), "2026-Q2")
    assert "cases_referrer" not in found and "zrm_domain" not in found  # no melders, no ZRM rows: no labels
    assert len(found) == 9
