"""Issue 26, item 3: a third party is invited to a goal only with a consent in force that
names that contact as its recipient; the form offers only those pairs and says how to record
a consent when there is none."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import as_user
from plans.factories import ConsentFactory, GoalFactory, NetworkContactFactory
from portal import services
from portal.models import Invitation


@pytest.fixture
def world(dossier_a, applicant):
    goal = GoalFactory(dossier=dossier_a, description="Weer gaan sporten")
    doctor_consent = ConsentFactory(dossier=dossier_a, client=applicant, recipient="huisarts Jansen",
                                    given_on=dossier_a.registered_on)
    neighbour = NetworkContactFactory(dossier=dossier_a, name="Buurman Piet", email="piet@example.org")
    return goal, doctor_consent, neighbour


def test_someone_elses_consent_does_not_invite(world, generalist_a):
    goal, doctor_consent, neighbour = world
    with pytest.raises(ValidationError) as error:
        services.invite_third_party(goal, user=generalist_a, contact=neighbour, consent=doctor_consent)
    assert "consent" in error.value.message_dict
    assert not Invitation.objects.filter(goal=goal).exists()


def test_the_consent_naming_the_contact_invites(world, dossier_a, applicant, generalist_a):
    goal, _doctor, neighbour = world
    own = ConsentFactory(dossier=dossier_a, client=applicant, recipient="  buurman   PIET ",
                         given_on=dossier_a.registered_on)
    invitation, _token, _code = services.invite_third_party(goal, user=generalist_a, contact=neighbour, consent=own)
    assert invitation.contact == neighbour and invitation.consent == own


def test_form_offers_only_named_pairs_and_refuses_a_forged_one(client, world, dossier_a, applicant, generalist_a):
    goal, doctor_consent, neighbour = world
    url = reverse("portal_staff:invite_third_party", args=[dossier_a.pk, goal.pk])
    as_user(client, generalist_a)
    html = client.get(url).content.decode()
    assert "Buurman Piet" not in html and "huisarts Jansen" not in html
    assert reverse("plans:consent_new", args=[dossier_a.pk]) in html  # how to record one
    forged = client.post(url, {"invitee": f"{neighbour.pk}-{doctor_consent.pk}", "email": "piet@example.org"})
    assert forged.status_code == 200 and not Invitation.objects.filter(goal=goal).exists()

    own = ConsentFactory(dossier=dossier_a, client=applicant, recipient="Buurman Piet",
                         given_on=dossier_a.registered_on)
    html = client.get(url).content.decode()
    assert f'value="{neighbour.pk}-{own.pk}"' in html and f"{neighbour.pk}-{doctor_consent.pk}" not in html
    client.post(url, {"invitee": f"{neighbour.pk}-{own.pk}", "email": ""})
    assert Invitation.objects.get(goal=goal).consent == own
