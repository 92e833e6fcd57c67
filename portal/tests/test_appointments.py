"""Residents see their appointments in the portal, get an e-mail the day before (unless they
turned it off), and a partner's appointment stays hidden."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from agenda.factories import appointment, at
from agenda.models import Appointment
from portal.reminders import send_reminders
from portal.testing import as_portal

pytestmark = pytest.mark.django_db


def test_resident_sees_own_appointments_not_the_partners(client, dossier_a, resident, partner, generalist_a):
    mine = appointment(dossier_a, user=generalist_a, kind="huisbezoek")
    theirs = appointment(dossier_a, user=generalist_a, kind="netwerkberaad",
                         starts_at=mine.starts_at + dt.timedelta(hours=3))
    theirs.members.set([partner])
    as_portal(client, resident)
    page = client.get(reverse("portal:dossier", args=[dossier_a.pk])).content.decode()
    assert "huisbezoek" in page
    assert "netwerkberaad" not in page


def test_reminder_the_day_before_once_and_opt_out(client, dossier_a, resident, generalist_a):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    planned = appointment(dossier_a, user=generalist_a, starts_at=at(tomorrow, 10))
    assert send_reminders(tomorrow) == 1
    assert mail.outbox[-1].to == [resident.email]
    assert "10:00" in mail.outbox[-1].body
    assert send_reminders(tomorrow) == 0
    Appointment.objects.filter(pk=planned.pk).update(reminder_sent_at=None)
    as_portal(client, resident)
    client.post(reverse("portal:reminders", args=[dossier_a.pk]), {"reminders": "0"})
    assert send_reminders(tomorrow) == 0
    client.post(reverse("portal:reminders", args=[dossier_a.pk]), {"reminders": "1"})
    Appointment.objects.filter(pk=planned.pk).update(reminder_sent_at=None)
    assert send_reminders(tomorrow) == 1
