"""List pages cost a constant number of queries, however many dossiers there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.factories import household
from cases.models import Client
from conftest import as_user


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url_name", ["cases:team_dossiers", "cases:waiting_list"])
def test_team_lists_have_constant_query_count(client, generalist_a, team_a, url_name):
    as_user(client, generalist_a)
    url = reverse(url_name, args=[team_a.code])
    household(team_a, members=2, lead_worker=generalist_a)
    few = count_queries(client, url)
    for _ in range(30):
        household(team_a, members=3, lead_worker=generalist_a)
    many = count_queries(client, url)
    assert few == many
    assert many <= 12


def test_my_dossiers_and_search_have_constant_query_count(client, generalist_a, team_a):
    as_user(client, generalist_a)
    url = reverse("cases:my_dossiers")
    household(team_a, lead_worker=generalist_a)
    Client.objects.update(family_name="Jansen")
    few = count_queries(client, url, {"q": "Jansen"})
    for _ in range(30):
        household(team_a, members=2, lead_worker=generalist_a)
    Client.objects.update(family_name="Jansen")
    assert len(client.get(url, {"q": "Jansen"}).context["page"]) == 31
    assert count_queries(client, url, {"q": "Jansen"}) == few <= 14
