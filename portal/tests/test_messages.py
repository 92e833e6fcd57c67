"""Berichten between household and team: the regisseur is notified, both sides read them."""

from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from portal.models import Message
from portal.testing import as_portal
from work.models import Task


def test_household_and_team_exchange_messages(client, resident, dossier_a, generalist_a):
    as_portal(client, resident)
    response = client.post(reverse("portal:messages", args=[dossier_a.pk]), {"text": "Kunt u mij bellen?"})
    assert response.status_code == 302
    assert Task.objects.filter(dossier=dossier_a, assignee=generalist_a).exists()
    client.logout()

    as_user(client, generalist_a)
    assert "Kunt u mij bellen?" in client.get(reverse("portal_staff:overview", args=[dossier_a.pk])).content.decode()
    client.post(reverse("portal_staff:message", args=[dossier_a.pk]), {"text": "Ik bel u morgen.",
                                                                   "recipients": [resident.client_id]})
    client.logout()

    as_portal(client, resident)
    html = client.get(reverse("portal:messages", args=[dossier_a.pk])).content.decode()
    assert "Ik bel u morgen." in html and "Kunt u mij bellen?" in html
    assert Message.objects.filter(dossier=dossier_a).count() == 2
    assert AccessLogEntry.objects.filter(user=resident.user, path=reverse("portal:messages", args=[dossier_a.pk]))


def test_empty_message_is_refused_next_to_the_field(client, resident, dossier_a):
    as_portal(client, resident)
    response = client.post(reverse("portal:messages", args=[dossier_a.pk]), {"text": "  "})
    assert response.status_code == 200 and "text" in response.context["form"].errors
