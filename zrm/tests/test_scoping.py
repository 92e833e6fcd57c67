"""Every ZRM page is scoped to the user's teams like the dossier itself: other teams,
policy staff and administrators get 404 (also when guessing URLs), anonymous users
go to the login page."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from cases.factories import household
from conftest import as_user
from zrm.factories import measure
from zrm.models import Measurement
from zrm.panels import zrm_panel_context
from zrm.tests.conftest import DAY, TODAY


@pytest.fixture
def measurement_a(dossier, applicant):
    return measure(dossier, applicant, "nulmeting", TODAY - 20 * DAY, {"financien": 2})


def zrm_urls(measurement):
    dossier_pk = measurement.dossier_id
    return [
        reverse("zrm:new", args=[dossier_pk]),
        reverse("zrm:detail", args=[dossier_pk, measurement.pk]),
        reverse("zrm:edit", args=[dossier_pk, measurement.pk]),
    ]


def test_the_team_sees_all_zrm_pages(client, generalist_a, coach_a, measurement_a):
    for user in (generalist_a, coach_a):
        as_user(client, user)
        for url in zrm_urls(measurement_a):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["generalist_b", "beleid", "beheer"])
def test_other_personas_get_404(client, request, persona, measurement_a, applicant):
    as_user(client, request.getfixturevalue(persona))
    post = {"client": str(applicant.pk), "instrument": "zrm-2017", "type": "tussenmeting",
            "measured_on": TODAY.isoformat(), "score_financien": "5"}
    for url in zrm_urls(measurement_a):
        assert client.get(url).status_code == 404, url
        assert client.post(url, post).status_code == 404, url
    assert Measurement.objects.count() == 1
    assert list(type(measurement_a).objects.get(pk=measurement_a.pk).scores.values()) == [2]


def test_a_measurement_is_only_reachable_through_its_own_dossier(client, generalist_a, generalist_b, team_a, team_b,
                                                                  measurement_a):
    """Another dossier's number in the URL does not open the measurement."""
    own_b = household(team_b)
    other_a = household(team_a)
    as_user(client, generalist_b)
    assert client.get(reverse("zrm:detail", args=[own_b.pk, measurement_a.pk])).status_code == 404
    assert client.get(reverse("zrm:edit", args=[own_b.pk, measurement_a.pk])).status_code == 404
    as_user(client, generalist_a)
    assert client.get(reverse("zrm:detail", args=[other_a.pk, measurement_a.pk])).status_code == 404


def test_the_panel_scopes_measurements_by_the_users_teams(rf, generalist_a, generalist_b, dossier, measurement_a):
    """Defence in depth: the panel itself filters by the user's teams, not only the dossier view."""
    detail = reverse("zrm:detail", args=[dossier.pk, measurement_a.pk])
    members = list(dossier.members.select_related("client"))
    for user, shown in ((generalist_a, True), (generalist_b, False)):
        request = rf.get("/")
        request.user = user
        html = render_to_string("zrm/_panel.html", zrm_panel_context(request, dossier, members), request=request)
        assert (detail in html) is shown


def test_anonymous_users_go_to_login(client, measurement_a):
    for url in zrm_urls(measurement_a):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
        response = client.post(url, {})
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
    assert Measurement.objects.count() == 1
