"""Every page of a dossier or client is scoped to the user's teams: a generalist of
team B gets 404 for team A's objects, also by guessing URLs; anonymous users go to login."""

import pytest
from django.urls import reverse

from cases.factories import household
from conftest import as_user


@pytest.fixture
def dossier_a(team_a):
    return household(team_a, members=2)


def dossier_urls(dossier):
    member = dossier.members.first()
    return [
        reverse("cases:dossier", args=[dossier.pk]),
        reverse("cases:edit_details", args=[dossier.pk]),
        reverse("cases:first_contact", args=[dossier.pk]),
        reverse("cases:start_support", args=[dossier.pk]),
        reverse("cases:add_member", args=[dossier.pk]),
        reverse("cases:transfer", args=[dossier.pk]),
        reverse("cases:close", args=[dossier.pk]),
        reverse("cases:reopen", args=[dossier.pk]),
        reverse("cases:client", args=[member.client_id]),
        reverse("cases:client_edit", args=[member.client_id]),
    ]


def team_urls(team):
    return [reverse("cases:team_dossiers", args=[team.code]), reverse("cases:waiting_list", args=[team.code])]


def test_generalist_of_the_team_sees_everything(client, generalist_a, dossier_a, team_a):
    as_user(client, generalist_a)
    for url in dossier_urls(dossier_a) + team_urls(team_a):
        if url.endswith("heropenen"):
            continue  # the reopen form belongs to closed dossiers; see test_lifecycle
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["generalist_b", "beleid", "beheer"])
def test_other_personas_get_404_for_team_a(client, request, persona, dossier_a, team_a):
    as_user(client, request.getfixturevalue(persona))
    for url in dossier_urls(dossier_a) + team_urls(team_a):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    member = dossier_a.members.first()
    remove = reverse("cases:remove_member", args=[dossier_a.pk, member.pk])
    assert client.post(remove).status_code == 404
    assert dossier_a.members.count() == 2


def test_coach_of_the_team_sees_the_team(client, coach_a, dossier_a, team_a):
    as_user(client, coach_a)
    assert client.get(reverse("cases:dossier", args=[dossier_a.pk])).status_code == 200
    assert client.get(team_urls(team_a)[0]).status_code == 200


def test_lists_and_search_never_show_other_teams(client, generalist_b, dossier_a, team_b):
    household(team_b)
    name = dossier_a.members.first().client.family_name
    as_user(client, generalist_b)
    response = client.get(reverse("cases:team_dossiers", args=[team_b.code]), {"q": name, "status": "alle"})
    assert dossier_a.pk not in [d.pk for d in response.context["page"]]
    response = client.get(reverse("cases:my_dossiers"), {"status": "alle"})
    assert all(d.team_id == team_b.pk for d in response.context["page"])


def test_anonymous_users_only_see_the_login_page(client, dossier_a, team_a):
    urls = [*dossier_urls(dossier_a), *team_urls(team_a), reverse("cases:my_dossiers"), reverse("cases:access_log")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
    assert client.get(reverse("login")).status_code == 200


def test_access_log_is_for_administrators_only(client, generalist_a, coach_a, beheer):
    for persona in (generalist_a, coach_a):
        as_user(client, persona)
        assert client.get(reverse("cases:access_log")).status_code == 403
    as_user(client, beheer)
    assert client.get(reverse("cases:access_log")).status_code == 200


def test_admin_is_for_functional_administrators(client, generalist_a, beheer):
    as_user(client, generalist_a)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.status_code == 403, "logged in without the role: refused, no redirect loop"
    as_user(client, beheer)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:cases_team_changelist")).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200
