"""The appointment pages: plan (with conflicts), record the outcome, day, week and team views."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from agenda.factories import appointment, at
from agenda.models import Appointment
from cases.factories import household
from cases.models import AccessLogEntry, Dossier
from conftest import as_user

pytestmark = pytest.mark.django_db


def test_plan_shows_conflicts_then_plans_when_confirmed(client, team_a, generalist_a):
    dossier = household(team_a)
    existing = appointment(dossier, user=generalist_a)
    as_user(client, generalist_a)
    url = reverse("agenda:plan", args=[dossier.pk])
    assert client.get(url).status_code == 200
    local = timezone.localtime(existing.starts_at)
    data = {"kind": "huisbezoek", "day": local.date().isoformat(), "start": "10:30", "end": "11:30",
            "place_kind": "thuis", "workers": [generalist_a.pk]}
    answer = client.post(url, data)
    assert answer.status_code == 200
    assert "already has an appointment" in answer.content.decode() or "heeft al een afspraak" in answer.content.decode()
    answer = client.post(url, {**data, "confirm_conflicts": "on"})
    assert answer.status_code == 302
    assert Appointment.objects.filter(dossier=dossier).count() == 2


def test_recording_a_held_kennismakingsgesprek_sets_first_contact(client, team_a, generalist_a):
    dossier = household(team_a, registered_on=timezone.localdate() - dt.timedelta(days=5))
    intake = appointment(dossier, user=generalist_a, kind="kennismakingsgesprek", place_kind="thuis",
                         starts_at=at(timezone.localdate() - dt.timedelta(days=1), 11))
    as_user(client, generalist_a)
    url = reverse("agenda:appointment", args=[intake.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"outcome": "gehouden"}).status_code == 302
    dossier = Dossier.objects.get(pk=dossier.pk)
    assert (dossier.first_contact_on, dossier.first_contact_location, dossier.first_contact_recorded_on) == (
        timezone.localdate() - dt.timedelta(days=1), "thuis", timezone.localdate())


def test_first_held_support_appointment_proposes_start_of_support(client, team_a, generalist_a):
    dossier = household(team_a, registered_on=timezone.localdate() - dt.timedelta(days=5))
    visit = appointment(dossier, user=generalist_a, starts_at=at(timezone.localdate() - dt.timedelta(days=1), 9))
    as_user(client, generalist_a)
    url = reverse("agenda:appointment", args=[visit.pk])
    assert 'name="start_support"' in client.get(url).content.decode()
    assert client.post(url, {"outcome": "gehouden", "start_support": "on"}).status_code == 302
    dossier.refresh_from_db()
    assert dossier.support_started_on == timezone.localdate() - dt.timedelta(days=1)
    assert dossier.support_started_recorded_on == timezone.localdate()


def test_day_week_and_team_views_show_and_log(client, team_a, generalist_a, coach_a, generalist_b):
    dossier = household(team_a)
    planned = appointment(dossier, user=generalist_a)
    name = dossier.members.first().client.display_name
    day = timezone.localtime(planned.starts_at).date().isoformat()
    as_user(client, generalist_a)
    for url in (reverse("agenda:day") + f"?dag={day}", reverse("agenda:week") + f"?dag={day}"):
        answer = client.get(url)
        assert answer.status_code == 200 and name in answer.content.decode()
    assert AccessLogEntry.objects.filter(dossier_id=dossier.pk).exists()
    as_user(client, coach_a)
    answer = client.get(reverse("agenda:team", args=[team_a.code]) + f"?dag={day}")
    assert answer.status_code == 200 and reverse("agenda:appointment", args=[planned.pk]) in answer.content.decode()
    as_user(client, generalist_b)
    assert client.get(reverse("agenda:appointment", args=[planned.pk])).status_code == 404
    assert client.get(reverse("agenda:team", args=[team_a.code])).status_code == 404
