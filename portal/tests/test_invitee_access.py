"""A third party invited to one goal sees only that goal and can comment; withdrawing the
consent or the invitation ends the access at once."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.services import today
from plans.factories import ConsentFactory, GoalFactory, NetworkContactFactory
from plans.models import Consent
from portal import services
from portal.models import Invitation
from portal.testing import as_portal, invitee_account


@pytest.fixture
def setup(dossier_a, applicant, generalist_a):
    goal = GoalFactory(dossier=dossier_a, description="Weer gaan sporten")
    other_goal = GoalFactory(dossier=dossier_a, description="Geheim ander doel")
    contact = NetworkContactFactory(dossier=dossier_a, name="Zus Annie", email="annie@example.org")
    consent = ConsentFactory(dossier=dossier_a, client=applicant, recipient="Zus Annie",
                             given_on=dossier_a.registered_on)
    account, invitation = invitee_account(goal, contact, consent, generalist_a)
    return goal, other_goal, consent, account, invitation


def test_invitee_sees_only_its_goal_and_can_comment(client, setup, dossier_a):
    goal, other_goal, _consent, account, _invitation = setup
    as_portal(client, account)
    html = client.get(reverse("portal:invitee_goal", args=[goal.pk])).content.decode()
    assert "Weer gaan sporten" in html and "Geheim ander doel" not in html
    assert client.get(reverse("portal:invitee_goal", args=[other_goal.pk])).status_code == 404
    assert client.get(reverse("portal:dossier", args=[dossier_a.pk])).status_code == 404
    assert client.post(reverse("portal:invitee_goal", args=[goal.pk]), {"text": "Ik ga mee!"}).status_code == 302


def test_withdrawn_consent_ends_access_at_once(client, setup):
    goal, _other, consent, account, _invitation = setup
    as_portal(client, account)
    assert client.get(reverse("portal:invitee_goal", args=[goal.pk])).status_code == 200
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=today())
    assert client.get(reverse("portal:invitee_goal", args=[goal.pk])).status_code == 404


def test_withdrawn_invitation_ends_access_at_once(client, setup, generalist_a):
    goal, _other, _consent, account, invitation = setup
    as_portal(client, account)
    services.withdraw_invitation(invitation, user=generalist_a)
    assert client.get(reverse("portal:invitee_goal", args=[goal.pk])).status_code == 404


def test_no_invitation_without_consent_in_force(dossier_a, applicant, generalist_a):
    goal = GoalFactory(dossier=dossier_a)
    contact = NetworkContactFactory(dossier=dossier_a)
    expired = ConsentFactory(dossier=dossier_a, client=applicant, given_on=dossier_a.registered_on,
                             expires_on=today() - dt.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        services.invite_third_party(goal, user=generalist_a, contact=contact, consent=expired)
    assert "consent" in error.value.message_dict
    assert not Invitation.objects.filter(goal=goal).exists()
