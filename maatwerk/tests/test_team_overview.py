"""The team's follow-up list: referrals awaiting a decision (oldest first) and granted
care ending within eight weeks (soonest first), of the team's open dossiers only."""

import datetime as dt

import pytest
from django.urls import reverse

from cases.factories import household
from cases.services import today
from conftest import as_user
from maatwerk.factories import ReferralFactory
from tests.html import plain

TODAY = today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def logged_in(client, generalist_a):
    return as_user(client, generalist_a)


def overview(client, team):
    response = client.get(reverse("maatwerk:team_overview", args=[team.code]))
    assert response.status_code == 200
    return response


def requested(dossier, days_ago):
    return ReferralFactory(dossier=dossier, requested_on=TODAY - days_ago * DAY)


def granted(dossier, ends_in, **fields):
    return ReferralFactory(
        dossier=dossier, status="toegekend", requested_on=TODAY - 200 * DAY, decided_on=TODAY - 190 * DAY,
        starts_on=TODAY - 180 * DAY, ends_on=TODAY + ends_in * DAY, **fields,
    )


def test_awaiting_a_decision_lists_requested_referrals_oldest_first(logged_in, team_a, team_b, generalist_a):
    dossier = household(team_a, registered_on=TODAY - 300 * DAY)
    newer, older = requested(dossier, 3), requested(dossier, 40)
    granted(dossier, 10)
    ReferralFactory(dossier=dossier, status="afgewezen", requested_on=TODAY - 50 * DAY, decided_on=TODAY)
    ReferralFactory(dossier=dossier, status="ingetrokken", requested_on=TODAY - 50 * DAY)
    requested(household(team_b, registered_on=TODAY - 300 * DAY), 90)
    closed = household(team_a, registered_on=TODAY - 300 * DAY, closed_on=TODAY, closure_reason="onbekend")
    requested(closed, 80)
    response = overview(logged_in, team_a)
    rows = list(response.context["awaiting"])
    assert rows == [older, newer]
    assert response.context["awaiting"].paginator.count == 2
    html = plain(response.content)
    assert '<td class="num">40</td>' in html and '<td class="num">3</td>' in html


def test_care_ending_within_eight_weeks_soonest_first(logged_in, team_a, team_b):
    dossier = household(team_a, registered_on=TODAY - 300 * DAY)
    today_ends, in_eight_weeks, in_a_week = granted(dossier, 0), granted(dossier, 56), granted(dossier, 7)
    granted(dossier, 57)  # too far ahead
    granted(dossier, -1)  # already ended
    ReferralFactory(dossier=dossier, status="toegekend", decided_on=TODAY - DAY, starts_on=TODAY - DAY)  # open end
    granted(household(team_b, registered_on=TODAY - 300 * DAY), 5)
    response = overview(logged_in, team_a)
    assert list(response.context["ending"]) == [today_ends, in_a_week, in_eight_weeks]
    assert list(response.context["awaiting"]) == []
    html = plain(response.content)
    assert (TODAY + 56 * DAY).strftime("%d-%m-%Y") in html
    assert '<td class="num">7</td>' in html and '<td class="num">56</td>' in html


def test_each_list_is_paginated_on_its_own(logged_in, team_a):
    from maatwerk.views import OVERVIEW_PAGE_SIZE

    dossier = household(team_a, registered_on=TODAY - 300 * DAY)
    for days in range(OVERVIEW_PAGE_SIZE + 2):
        requested(dossier, days)
    granted(dossier, 5)
    response = logged_in.get(reverse("maatwerk:team_overview", args=[team_a.code]), {"wachtend": 2})
    assert len(response.context["awaiting"]) == 2
    assert response.context["awaiting"].number == 2
    assert len(response.context["ending"]) == 1
    assert "wachtend=1" in response.content.decode()


# The overview's queries, whatever the number of referrals:
OVERVIEW = [
    "the session", "the user", "the verified second-factor device (django-otp)", "the user's memberships (roles)",
    "the team (scoped: 404 for another team)",
    "count of referrals awaiting a decision (paginator)",
    "count of care ending within 8 weeks (paginator)",
    "one page of referrals awaiting a decision, with client, dossier, product and provider",
    "one page of care ending soon, likewise",
    "one INSERT into the access log naming every person listed",
    "the user's teams for the navigation",
]


def test_the_query_count_is_exact_and_constant_as_rows_grow(logged_in, team_a, generalist_a,
                                                          django_assert_num_queries):
    dossier = household(team_a, registered_on=TODAY - 300 * DAY, lead_worker=generalist_a)
    requested(dossier, 5)
    granted(dossier, 10)
    overview(logged_in, team_a)
    with django_assert_num_queries(len(OVERVIEW)):
        overview(logged_in, team_a)
    for n in range(20):
        other = household(team_a, members=2, registered_on=TODAY - 300 * DAY, lead_worker=generalist_a)
        requested(other, n)
        granted(other, n)
    with django_assert_num_queries(len(OVERVIEW)):
        overview(logged_in, team_a)


def test_only_members_of_the_team_see_its_overview(client, generalist_b, beleid, team_a):
    for user in (generalist_b, beleid):
        as_user(client, user)
        assert client.get(reverse("maatwerk:team_overview", args=[team_a.code])).status_code == 404
