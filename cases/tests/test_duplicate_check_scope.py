"""The duplicate check reveals only what the user may already see. Of a person known
to another team it says only that the BSN is registered with another team (and how to
proceed); linking that person is impossible, registering them anyway is deliberate and
logged, and never exposes the other team's data."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from cases import services
from cases.factories import household
from cases.models import AccessLogEntry, Client, Dossier, MemberRole
from conftest import as_user

ELSEWHERE = "Dit BSN is al geregistreerd bij een ander team"


@pytest.fixture
def person_a(team_a):
    # Names no form below types (Faker may well produce "Sanne" or "Visser").
    person = household(team_a).members.get().client
    person.given_name, person.family_name = "Petronella", "Ravenhorst"
    person.save()
    return person


def register(client, team, **fields):
    data = {"team": team.pk, "registered_on": "2024-05-01", "client-family_name": "Visser",
            "client-given_name": "Sanne"}
    data.update(fields)
    return client.post(reverse("cases:register"), data)


def add_member(client, dossier, **fields):
    data = {"role": MemberRole.CHILD, "client-family_name": "Visser", "client-given_name": "Sanne"}
    data.update(fields)
    return client.post(reverse("cases:add_member", args=[dossier.pk]), data)


def assert_nothing_of(person, response):
    html = response.content.decode()
    for value in (person.given_name, person.family_name, person.birth_date.strftime("%d-%m-%Y"),
                  person.birth_date.isoformat(), person.postcode, f'name="duplicate_choice" value="{person.pk}"'):
        assert value not in html, value


@pytest.mark.parametrize("step", ["register", "add_member"])
def test_bsn_of_another_team_says_only_that(client, generalist_b, team_b, person_a, step):
    as_user(client, generalist_b)
    if step == "register":
        response = register(client, team_b, **{"client-bsn": person_a.bsn})
    else:
        response = add_member(client, household(team_b), **{"client-bsn": person_a.bsn})
    assert response.status_code == 200
    assert ELSEWHERE in response.content.decode()
    assert response.context["person" if step == "add_member" else "applicant"].choice_form is None
    assert_nothing_of(person_a, response)
    assert not Dossier.objects.filter(team=team_b, members__client=person_a).exists()
    # Learning that the BSN exists elsewhere is logged against that person.
    entry = AccessLogEntry.objects.get(client=person_a)
    assert entry.action == "search" and entry.user == generalist_b


def test_posting_the_other_teams_client_id_does_not_link_it(client, generalist_b, team_b, person_a):
    as_user(client, generalist_b)
    response = register(client, team_b, **{"client-bsn": person_a.bsn, "duplicate_choice": str(person_a.pk)})
    assert response.status_code == 200
    assert not Dossier.objects.filter(team=team_b).exists()
    assert client.get(reverse("cases:client", args=[person_a.pk])).status_code == 404


def test_registering_the_person_anyway_is_a_deliberate_logged_separate_record(client, generalist_b, team_b,
                                                                               person_a):
    as_user(client, generalist_b)
    register(client, team_b, **{"client-bsn": person_a.bsn})
    response = register(client, team_b, **{"client-bsn": person_a.bsn, "client-register_separately": "on"})
    assert response.status_code == 302
    dossier = Dossier.objects.get(team=team_b)
    mine = dossier.members.get().client
    assert mine.pk != person_a.pk and (mine.given_name, mine.bsn) == ("Sanne", person_a.bsn)
    person_a.refresh_from_db()
    assert person_a.given_name != "Sanne"  # the other team's record is untouched
    assert client.get(reverse("cases:client", args=[person_a.pk])).status_code == 404
    assert AccessLogEntry.objects.filter(client=person_a, action="search", detail__contains="apart").count() == 1


def test_the_service_refuses_another_teams_client(generalist_b, team_b, person_a):
    with pytest.raises(PermissionDenied):
        services.add_member(household(team_b), user=generalist_b, client=person_a, role=MemberRole.CHILD)
    with pytest.raises(PermissionDenied):
        services.register_dossier(user=generalist_b, team=team_b, registered_on=household(team_b).registered_on,
                                  applicant=person_a)
    assert not Dossier.objects.filter(members__client=person_a, team=team_b).exists()


def test_own_team_matches_are_shown_and_the_showing_is_logged(client, generalist_a, team_a, person_a):
    as_user(client, generalist_a)
    response = register(client, team_a, **{"client-bsn": person_a.bsn})
    assert person_a.display_name in response.content.decode()
    assert AccessLogEntry.objects.filter(client=person_a, action="view").count() == 1


def test_editing_a_client_to_another_teams_bsn_says_only_that(client, generalist_b, team_b, person_a):
    mine = household(team_b).members.get().client
    response = as_user(client, generalist_b).post(reverse("cases:client_edit", args=[mine.pk]),
                                                  {"family_name": mine.family_name, "bsn": person_a.bsn})
    assert ELSEWHERE in response.content.decode()
    assert_nothing_of(person_a, response)
    assert Client.objects.get(pk=mine.pk).bsn != person_a.bsn
