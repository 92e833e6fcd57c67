"""Defect 14: a reversed date range in the list filters says so next to the field (instead
of silently showing 0 dossiers), and the dossier list sorts by its column headers."""

import datetime as dt

import pytest
from django.urls import reverse

from cases import services
from cases.factories import household
from conftest import as_user

TODAY = services.today()


@pytest.fixture
def dossiers(team_a, generalist_a):
    made = [household(team_a, registered_on=TODAY - dt.timedelta(days=days), lead_worker=generalist_a)
            for days in (30, 10, 20)]
    return made


def test_a_reversed_date_range_is_reported_next_to_the_field(client, generalist_a, team_a, dossiers):
    as_user(client, generalist_a)
    response = client.get(reverse("cases:team_dossiers", args=[team_a.code]), {
        "registered_from": (TODAY - dt.timedelta(days=5)).isoformat(),
        "registered_to": (TODAY - dt.timedelta(days=40)).isoformat(),
    })
    form = response.context["filter"].form
    assert "registered_to" in form.errors
    assert "Wissel de datums om" in form.errors["registered_to"][0] or "Swap" in form.errors["registered_to"][0]
    assert 'aria-invalid="true"' in response.content.decode()


def _numbers(response):
    return [d.pk for d in response.context["page"]]


@pytest.mark.parametrize(("sort", "key", "reverse_order"), [
    ("registered_on", lambda d: (d.registered_on, d.pk), False),
    ("-registered_on", lambda d: (d.registered_on, d.pk), True),
    ("number", lambda d: d.pk, False),
    ("-number", lambda d: d.pk, True),
])
def test_the_list_sorts_by_a_column(client, generalist_a, team_a, dossiers, sort, key, reverse_order):
    as_user(client, generalist_a)
    response = client.get(reverse("cases:team_dossiers", args=[team_a.code]), {"sort": sort})
    assert _numbers(response) == [d.pk for d in sorted(dossiers, key=key, reverse=reverse_order)]


def test_the_header_links_sort_and_toggle_and_keep_the_filters(client, generalist_a, team_a, dossiers):
    as_user(client, generalist_a)
    html = client.get(reverse("cases:team_dossiers", args=[team_a.code]),
                      {"status": "alle", "sort": "registered_on"}).content.decode()
    assert 'aria-sort="ascending"' in html
    assert "?status=alle&amp;sort=-registered_on" in html
    assert "?status=alle&amp;sort=number" in html
