"""The worker's iCalendar feed: parsed by the icalendar parser, no name or BSN by default,
the dossier number only when turned on, every fetch logged, a new address revokes the old."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from agenda import feed as feeds
from agenda.factories import appointment
from agenda.models import CalendarFeed, FeedFetch
from cases.factories import household
from conftest import as_user

pytestmark = pytest.mark.django_db


def _events(client, token):
    answer = client.get(reverse("agenda:feed", args=[token]))
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/calendar")
    return answer.content, list(Calendar.from_ical(answer.content).walk("VEVENT"))


def test_feed_parses_and_holds_no_personal_data(client, team_a, generalist_a):
    dossier = household(team_a)
    person = dossier.members.first().client
    person.given_name, person.family_name, person.address = "Łucja", "Şahin", "Oudegracht 12"
    person.save()
    planned = appointment(dossier, user=generalist_a, kind="kennismakingsgesprek", place="Oudegracht 12")
    token = feeds.new_address(generalist_a)
    body, events = _events(client, token)
    assert len(events) == 1
    event = events[0]
    assert event.decoded("dtstart") == planned.starts_at
    assert event.decoded("dtend") == planned.ends_at
    assert str(event["location"]) == "thuis" or "thuis" in str(event["location"]).lower()
    assert str(event["url"]).endswith(reverse("agenda:appointment", args=[planned.pk]))
    text = body.decode()
    for secret in (person.given_name, person.family_name, person.bsn, "Oudegracht", f"dossier {dossier.pk}"):
        assert secret not in text
    assert FeedFetch.objects.get().appointments == 1


def test_dossier_number_only_when_turned_on(client, team_a, generalist_a):
    dossier = household(team_a)
    appointment(dossier, user=generalist_a)
    token = feeds.new_address(generalist_a)
    CalendarFeed.objects.filter(user=generalist_a).update(show_dossier_number=True)
    _body, events = _events(client, token)
    assert str(dossier.pk) in str(events[0]["summary"])


def test_new_address_revokes_the_old_and_settings_page(client, team_a, generalist_a):
    old = feeds.new_address(generalist_a)
    new = feeds.new_address(generalist_a)
    assert client.get(reverse("agenda:feed", args=[old])).status_code == 404
    assert client.get(reverse("agenda:feed", args=[new])).status_code == 200
    as_user(client, generalist_a)
    assert client.post(reverse("agenda:feed_settings"), {"action": "revoke"}).status_code == 302
    client.logout()
    assert client.get(reverse("agenda:feed", args=[new])).status_code == 404
    as_user(client, generalist_a)
    answer = client.post(reverse("agenda:feed_settings"), {"action": "new"}, follow=True)
    assert "/agenda/ical/" in answer.content.decode()
