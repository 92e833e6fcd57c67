"""List pages cost an exact, constant number of queries, however many dossiers there are."""

import pytest
from django.urls import reverse

from cases.factories import household
from cases.models import Client
from conftest import as_user

# Every page of a logged-in user starts with these three.
REQUEST = [
    "the session",
    "the user",
    "the session's verified second-factor device (django-otp's middleware)",
    "the user's memberships (roles, cached on the user for the request)",
]
# And ends with these (base.html and the filter form).
NAVIGATION = ["the user's teams for the navigation (context processor)"]
LEAD_WORKER_CHOICES = ["the workers of the user's teams (the filter's lead worker choices)"]

TEAM_LIST = [
    *REQUEST,
    "the team (scoped: 404 for another team)",
    "count of the team's open dossiers (the paginator)",
    "one page of open dossiers with team, lead worker and referrer",
    "the members and clients of the dossiers on the page (prefetch)",
    "one INSERT into the access log naming every person listed",
    *NAVIGATION,
    *LEAD_WORKER_CHOICES,
]
WAITING_LIST = [
    *REQUEST,
    "the team (scoped)",
    "count of the team's waiting dossiers (the paginator)",
    "one page of waiting dossiers",
    "their members and clients (prefetch)",
    "one INSERT into the access log naming every person listed",
    *NAVIGATION,
]
MY_DOSSIERS = [
    *REQUEST,
    "count of my dossiers: lead worker UNION involved worker UNION member of (the paginator)",
    "one page of them",
    "their members and clients (prefetch)",
    "one INSERT into the access log naming every person listed",
    *NAVIGATION,
    *LEAD_WORKER_CHOICES,
]


def _grow(team, worker, count, members=3):
    for _ in range(count):
        household(team, members=members, lead_worker=worker)


@pytest.mark.parametrize(("url_name", "expected"), [
    ("cases:team_dossiers", TEAM_LIST),
    ("cases:waiting_list", WAITING_LIST),
])
def test_team_lists_have_an_exact_constant_query_count(
    client, generalist_a, team_a, url_name, expected, django_assert_num_queries
):
    as_user(client, generalist_a)
    url = reverse(url_name, args=[team_a.code])
    _grow(team_a, generalist_a, 1, members=2)
    client.get(url)  # the session is saved on the first request
    with django_assert_num_queries(len(expected)):
        assert client.get(url).status_code == 200
    _grow(team_a, generalist_a, 30)
    with django_assert_num_queries(len(expected)):
        assert client.get(url).status_code == 200


def test_my_dossiers_and_its_search_have_an_exact_constant_query_count(
    client, generalist_a, team_a, django_assert_num_queries
):
    as_user(client, generalist_a)
    url = reverse("cases:my_dossiers")
    _grow(team_a, generalist_a, 1, members=1)
    Client.objects.update(family_name="Jansen")
    client.get(url)
    with django_assert_num_queries(len(MY_DOSSIERS)):
        assert client.get(url, {"q": "Jansen"}).status_code == 200
    _grow(team_a, generalist_a, 30, members=2)
    Client.objects.update(family_name="Jansen")
    with django_assert_num_queries(len(MY_DOSSIERS)):
        response = client.get(url, {"q": "Jansen"})
    assert len(response.context["page"]) == 31
