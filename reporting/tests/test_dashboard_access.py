"""Who sees which dashboard: team members their team's dashboard and dossier lists,
policy staff and team coaches the organisation overview; nobody anonymous."""

import pytest
from django.urls import reverse

from cases.factories import TeamFactory, user_with_role
from cases.models import AccessLogEntry, Role
from conftest import as_user
from reporting.compute import compute_periods
from reporting.factories import dossier
from reporting.tests.test_dashboard_figures import Q3, D

QUALITY = ["zonder-rapportcijfer", "zonder-startdatum", "zonder-nulmeting"]


@pytest.fixture
def computed(team_a, team_b):
    dossier(team_a, D(2026, 7, 1), closed_on=D(2026, 8, 1))  # closed without rating or support start
    dossier(team_b, D(2026, 7, 1))
    compute_periods([Q3])


def dashboard(team):
    return reverse("reporting:team_dashboard", args=[team.code])


def quality(team, kind="zonder-rapportcijfer"):
    return reverse("reporting:quality_list", args=[team.code, kind])


@pytest.mark.parametrize("name", ["home", "organisation", "organisation_xlsx", "organisation_csv"])
def test_anonymous_users_are_sent_to_the_login_page(client, db, name):
    response = client.get(reverse(f"reporting:{name}"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_anonymous_team_pages_and_recompute_go_to_login(client, team_a):
    for url in (dashboard(team_a), quality(team_a)):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    response = client.post(reverse("reporting:recompute"), {"period": Q3})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_other_teams_dashboard_and_dossier_lists_are_not_found(client, generalist_b, team_a, computed):
    as_user(client, generalist_b)
    assert client.get(dashboard(team_a), {"period": Q3}).status_code == 404
    for kind in QUALITY:
        assert client.get(quality(team_a, kind), {"period": Q3}).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_members_see_their_dashboard_and_dossier_lists(client, generalist_a, team_a, computed):
    as_user(client, generalist_a)
    response = client.get(dashboard(team_a), {"period": Q3})
    assert response.status_code == 200
    assert quality(team_a) in response.content.decode()
    for kind in QUALITY:
        assert client.get(quality(team_a, kind), {"period": Q3}).status_code == 200


def test_generalists_do_not_see_the_organisation_overview(client, generalist_a, computed):
    as_user(client, generalist_a)
    for name in ("organisation", "organisation_xlsx", "organisation_csv"):
        assert client.get(reverse(f"reporting:{name}"), {"period": Q3}).status_code == 403
    content = client.get(dashboard(TeamFactory(code="team-a")), {"period": Q3}).content.decode()
    assert reverse("reporting:organisation") not in content


def test_beleid_sees_the_overview_and_team_figures_but_no_dossiers(client, beleid, team_a, computed):
    as_user(client, beleid)
    assert client.get(reverse("reporting:organisation"), {"period": Q3}).status_code == 200
    response = client.get(dashboard(team_a), {"period": Q3})
    assert response.status_code == 200  # aggregated figures only
    content = response.content.decode()
    assert "/kwaliteit/" not in content
    assert reverse("cases:waiting_list", args=[team_a.code]) not in content
    for kind in QUALITY:
        assert client.get(quality(team_a, kind), {"period": Q3}).status_code == 404


def test_coaches_see_other_teams_figures_but_not_their_dossiers(client, team_a, team_b, computed):
    coach_b = user_with_role(Role.TEAMCOACH, team_b, username="coach-b")
    as_user(client, coach_b)
    assert client.get(reverse("reporting:organisation"), {"period": Q3}).status_code == 200
    content = client.get(dashboard(team_a), {"period": Q3}).content.decode()
    assert "/kwaliteit/" not in content
    assert client.get(quality(team_a), {"period": Q3}).status_code == 404
    assert client.get(quality(team_b), {"period": Q3}).status_code == 200


def test_home_goes_to_the_first_team_or_the_overview(client, generalist_a, beleid, beheer, team_a):
    response = as_user(client, generalist_a).get(reverse("reporting:home"))
    assert response.status_code == 302 and response.url == dashboard(team_a)
    response = as_user(client, beleid).get(reverse("reporting:home"))
    assert response.status_code == 302 and response.url == reverse("reporting:organisation")
    response = as_user(client, beheer).get(reverse("reporting:home"))
    assert response.status_code == 403


def test_unknown_team_kind_or_period(client, coach_a, team_a):
    as_user(client, coach_a)
    assert client.get(reverse("reporting:team_dashboard", args=["no-such-team"])).status_code == 404
    assert client.get(quality(team_a, "zonder-iets")).status_code == 404
    assert client.get(dashboard(team_a), {"period": "2026-Q5"}).status_code == 400
    assert client.get(dashboard(team_a), {"period": "2026-07"}).status_code == 400  # quarters only
    assert client.get(reverse("reporting:organisation"), {"period": "nonsense"}).status_code == 400
