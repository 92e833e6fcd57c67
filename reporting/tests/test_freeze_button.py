"""Vaststellen in the browser: policy staff (beleid) freeze a period with the button on the
organisation overview; team coaches, generalists and administrators may not."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from conftest import as_user
from reporting.models import FrozenVersion
from reporting.tests.frozen_helpers import computed_rows

FREEZE = reverse("reporting:freeze")
OVERVIEW = reverse("reporting:organisation") + "?period=2019-Q2"


@pytest.fixture
def quarter(team_a, team_b):
    computed_rows("2019-Q2", [team_a, team_b])


def test_beleid_freezes_from_the_overview(client, beleid, quarter):
    as_user(client, beleid)
    page = client.get(OVERVIEW).content.decode()
    assert f'action="{FREEZE}"' in page and "Vaststellen" in page
    assert "Deze periode is niet vastgesteld" in page
    response = client.post(FREEZE, {"period": "2019-Q2", "next": OVERVIEW, "confirmed": "yes"})
    assert response.status_code == 302 and response.url == OVERVIEW
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "De cijfers van Q2 2019 zijn vastgesteld als versie 1."]
    assert sorted(FrozenVersion.objects.values_list("period", "number", "frozen_by")) == [
        (code, 1, beleid.pk) for code in ("2019-04", "2019-05", "2019-06", "2019-Q2")]
    client.post(FREEZE, {"period": "2019-Q2", "next": OVERVIEW, "confirmed": "yes"})
    assert FrozenVersion.objects.filter(period="2019-Q2").count() == 2


def test_an_unsafe_next_goes_to_the_revisions(client, beleid, quarter):
    as_user(client, beleid)
    response = client.post(FREEZE, {"period": "2019-Q2", "next": "https://elders.example/", "confirmed": "yes"})
    assert response.url == reverse("reporting:revisions") + "?period=2019-Q2"


@pytest.mark.parametrize("persona", ["coach_a", "generalist_a", "beheer"])
def test_others_may_not_freeze(client, request, persona, quarter):
    as_user(client, request.getfixturevalue(persona))
    assert client.post(FREEZE, {"period": "2019-Q2"}).status_code == 403
    assert not FrozenVersion.objects.exists()


def test_the_coach_sees_no_button(client, coach_a, quarter):
    as_user(client, coach_a)
    assert f'action="{FREEZE}"' not in client.get(OVERVIEW).content.decode()


def test_anonymous_goes_to_the_login(client, quarter):
    response = client.post(FREEZE, {"period": "2019-Q2"})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not FrozenVersion.objects.exists()


@pytest.mark.parametrize("data,status", [({}, 400), ({"period": "2019-Q9"}, 400)])
def test_bad_requests(client, beleid, db, data, status):
    as_user(client, beleid)
    assert client.post(FREEZE, data).status_code == status
    assert client.get(FREEZE, {"period": "2019-Q2"}).status_code == 405
    assert not FrozenVersion.objects.exists()
