"""Registering a household in the browser: validation next to the field, nothing typed lost,
duplicate warnings for BSN and name + date of birth."""

import pytest
from django.urls import reverse

from cases.factories import ClientFactory, household
from cases.models import Client, Dossier
from conftest import as_user


@pytest.fixture
def logged_in(client, generalist_a):
    return as_user(client, generalist_a)


def post(client, **fields):
    data = {"team": fields.pop("team"), "registered_on": "2024-05-01", "client-family_name": "Visser"}
    data.update(fields)
    return client.post(reverse("cases:register"), data)


def test_errors_are_shown_next_to_the_field_and_input_is_kept(logged_in, team_a):
    response = post(logged_in, team=team_a.pk, **{"client-bsn": "123456789", "client-given_name": "Anouk",
                                                  "request_summary": "Schulden en eenzaamheid"})
    assert response.status_code == 200
    form = response.context["applicant"].form
    assert "bsn" in form.errors
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'value="Anouk"' in html and "Schulden en eenzaamheid" in html and 'value="123456789"' in html
    assert not Dossier.objects.exists()


def test_future_registration_date_is_refused(logged_in, team_a):
    response = post(logged_in, team=team_a.pk, registered_on="2999-01-01")
    assert "registered_on" in response.context["form"].errors
    assert not Dossier.objects.exists()


def test_existing_bsn_of_the_own_team_offers_the_existing_client_only(logged_in, team_a):
    existing = household(team_a).members.get().client
    response = post(logged_in, team=team_a.pk, **{"client-bsn": existing.bsn})
    assert response.status_code == 200 and response.context["applicant"].bsn_taken
    choices = [value for value, _ in response.context["applicant"].choice_form.fields["duplicate_choice"].choices]
    assert choices == [str(existing.pk)]
    response = post(logged_in, team=team_a.pk, **{"client-bsn": existing.bsn, "duplicate_choice": str(existing.pk),
                                                  "confirm_other_open": "on"})
    assert response.status_code == 302
    dossier = Dossier.objects.get(registered_on="2024-05-01")
    assert dossier.members.get().client == existing
    assert Client.objects.filter(bsn=existing.bsn).count() == 1


def test_same_name_and_birth_date_may_be_a_different_person(logged_in, team_a):
    other = household(team_a).members.get().client
    fields = {"client-family_name": other.family_name, "client-birth_date": other.birth_date.isoformat(),
              "client-bsn": ""}
    response = post(logged_in, team=team_a.pk, **fields)
    assert response.context["applicant"].choice_form is not None
    assert Dossier.objects.count() == 1
    response = post(logged_in, team=team_a.pk, duplicate_choice="new", **fields)
    assert response.status_code == 302
    assert Client.objects.filter(family_name=other.family_name).count() == 2


def test_name_matches_in_other_teams_are_neither_shown_nor_hinted(logged_in, team_a, team_b):
    other = household(team_b).members.get().client
    response = post(logged_in, team=team_a.pk, **{"client-family_name": other.family_name,
                                                  "client-birth_date": other.birth_date.isoformat()})
    assert response.status_code == 302  # a new, separate client: nothing about the other team's person
    assert Client.objects.filter(family_name=other.family_name).count() == 2


def test_editing_a_client_cannot_take_another_clients_bsn(logged_in, team_a):
    mine = household(team_a).members.get().client
    taken = ClientFactory().bsn
    response = logged_in.post(reverse("cases:client_edit", args=[mine.pk]),
                              {"family_name": mine.family_name, "bsn": taken})
    assert "bsn" in response.context["form"].errors
