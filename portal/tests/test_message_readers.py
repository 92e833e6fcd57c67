"""Issue 26, item 5: a portal message is seen by its sender, the team and the members it is
addressed to, never by another adult of the household; the access log names every person
shown."""

import datetime as dt

import pytest
from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from portal.testing import as_portal, resident_account


@pytest.fixture
def partner_account(partner, dossier_a, generalist_a):
    partner.birth_date = dt.date(1980, 1, 1)
    partner.save()
    return resident_account(dossier_a, partner, generalist_a)


def _messages(client, account, dossier):
    as_portal(client, account)
    html = client.get(reverse("portal:messages", args=[dossier.pk])).content.decode()
    client.logout()
    return html


def test_partner_does_not_see_a_private_message(client, resident, partner_account, dossier_a, generalist_a):
    as_portal(client, partner_account)
    client.post(reverse("portal:messages", args=[dossier_a.pk]), {"text": "Alleen voor het team: PrivéQ9"})
    client.logout()

    assert "PrivéQ9" not in _messages(client, resident, dossier_a)
    assert "PrivéQ9" in _messages(client, partner_account, dossier_a)
    as_user(client, generalist_a)
    assert "PrivéQ9" in client.get(reverse("portal_staff:overview", args=[dossier_a.pk])).content.decode()


def test_a_shared_message_is_seen_and_its_sender_logged(client, resident, partner_account, dossier_a):
    as_portal(client, partner_account)
    client.post(reverse("portal:messages", args=[dossier_a.pk]), {"text": "Voor ons allebei: SamenQ9",
                                                                  "for_household": "on"})
    client.logout()

    assert "SamenQ9" in _messages(client, resident, dossier_a)
    path = reverse("portal:messages", args=[dossier_a.pk])
    logged = set(AccessLogEntry.objects.filter(user=resident.user, path=path).values_list("client_id", flat=True))
    assert logged == {resident.client_id, partner_account.client_id}


def test_team_message_reaches_only_the_members_it_names(client, resident, partner_account, dossier_a, generalist_a):
    as_user(client, generalist_a)
    client.post(reverse("portal_staff:message", args=[dossier_a.pk]),
                {"text": "Alleen voor de partner: TeamQ9", "recipients": [partner_account.client_id]})
    client.logout()

    assert "TeamQ9" in _messages(client, partner_account, dossier_a)
    assert "TeamQ9" not in _messages(client, resident, dossier_a)
