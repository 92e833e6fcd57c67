"""Short contacts (front-door.md): anonymous ones store no person; referred ones name where to;
a named one converts into a dossier registered on the contact's date with its client as
aanvrager; an anonymous one cannot."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.factories import ClientFactory, household
from cases.models import Client, MemberRole
from frontdoor.models import ContactOutcome, ShortContact
from frontdoor.services import convert_to_dossier, register_short_contact

YESTERDAY = dt.date.today() - dt.timedelta(days=1)


def contact(worker, team, **fields):
    values = {"user": worker, "team": team, "contacted_on": YESTERDAY, "channel": "inloop", "topic": "financien",
              "outcome": "beantwoord", "anonymous": True, "minutes": 5}
    return register_short_contact(**{**values, **fields})


def test_an_anonymous_contact_stores_no_person(worker, team):
    saved = contact(worker, team)
    assert saved.client is None and saved.summary == "" and saved.recorded_on == dt.date.today()
    with pytest.raises(ValidationError) as error:
        contact(worker, team, summary="Mevrouw heeft schulden", client=ClientFactory())
    assert set(error.value.message_dict) == {"anonymous", "summary"}


def test_every_problem_at_once(worker, team):
    with pytest.raises(ValidationError) as error:
        contact(worker, team, channel="fax", topic="weer", outcome="doorverwezen", minutes=0, anonymous=False,
                contacted_on=dt.date.today() + dt.timedelta(days=1))
    assert set(error.value.message_dict) == {"channel", "topic", "referred_to", "minutes", "client", "contacted_on"}
    assert not ShortContact.objects.exists()


def test_a_named_contact_with_a_new_client_becomes_a_dossier(worker, team):
    client = Client(given_name="Łucja", family_name="Şahin", postcode="3511AB", address="Oudegracht 12")
    saved = contact(worker, team, anonymous=False, client=client, summary="Vraag over huurtoeslag",
                    contacted_on=YESTERDAY - dt.timedelta(days=3))
    dossier = convert_to_dossier(worker, saved.pk)
    saved.refresh_from_db()
    assert saved.outcome == ContactOutcome.DOSSIER and saved.dossier == dossier
    assert dossier.registered_on == saved.contacted_on and dossier.team == team
    assert dossier.members.get().client == saved.client and dossier.members.get().role == MemberRole.APPLICANT
    with pytest.raises(ValidationError):
        convert_to_dossier(worker, saved.pk)


def test_an_anonymous_contact_cannot_be_converted(worker, team):
    saved = contact(worker, team)
    with pytest.raises(ValidationError):
        convert_to_dossier(worker, saved.pk)


def test_another_teams_worker_cannot_register_or_link_its_clients(worker, team, other_worker, other_team):
    with pytest.raises(PermissionDenied):
        contact(other_worker, team)
    stranger = household(team).members.get().client
    with pytest.raises(PermissionDenied):
        contact(other_worker, other_team, anonymous=False, client=stranger)
    assert contact(worker, team, anonymous=False, client=stranger).client == stranger
