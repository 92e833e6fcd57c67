"""The front door's pages: a generalist registers an anonymous and a named short contact (the
named one logged); the team's week list; the signal inbox by term with an attempt in a few taps;
another team's worker gets a 404 on every signal and contact; beheer routes the queue, keeps the
postcode areas and uploads a signal file all or nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from frontdoor.earlysignals import SignalData, receive_signal
from frontdoor.factories import serve
from frontdoor.models import Attempt, EarlySignal, ShortContact, TeamArea

TODAY = dt.date.today()
pytestmark = pytest.mark.django_db


def test_an_anonymous_short_contact_in_one_post(client, worker, team):
    as_user(client, worker)
    page = client.get(reverse("frontdoor:contact_new"))
    assert page.status_code == 200
    response = client.post(reverse("frontdoor:contact_new"), {
        "team": team.pk, "contacted_on": TODAY.isoformat(), "channel": "telefoon", "topic": "financien",
        "outcome": "beantwoord", "minutes": "4", "anonymous": "on"})
    contact = ShortContact.objects.get()
    assert response.status_code == 302 and contact.anonymous and contact.client is None and contact.worker == worker
    assert client.get(reverse("frontdoor:contacts", args=[team.code])).status_code == 200


def test_a_named_short_contact_creates_the_person_and_is_logged(client, worker, team):
    as_user(client, worker)
    client.post(reverse("frontdoor:contact_new"), {
        "team": team.pk, "contacted_on": TODAY.isoformat(), "channel": "inloop", "topic": "huisvesting",
        "outcome": "doorverwezen", "referred_to": "Sociaal raadslieden", "summary": "Huurachterstand",
        "client-family_name": "Şahin", "client-given_name": "Łucja"})
    contact = ShortContact.objects.get()
    assert contact.client.family_name == "Şahin" and contact.referred_to == "Sociaal raadslieden"
    assert AccessLogEntry.objects.filter(client=contact.client, action="create").exists()
    response = client.post(reverse("frontdoor:contact_convert", args=[contact.pk]))
    contact.refresh_from_db()
    assert response.status_code == 302 and contact.dossier.registered_on == TODAY


def test_the_inbox_and_an_attempt_in_a_few_taps(client, worker, team, other_worker):
    serve(team, "3511")
    signal, _created = receive_signal(SignalData("S9", TODAY - dt.timedelta(days=30), "energie", 5000, "3511AB", 3))
    as_user(client, worker)
    inbox = client.get(reverse("frontdoor:inbox", args=[team.code]))
    assert inbox.status_code == 200 and inbox.context["overdue"] == 1
    client.post(reverse("frontdoor:signal", args=[signal.pk]), {
        "form": "attempt", "attempt-on": TODAY.isoformat(), "attempt-kind": "huisbezoek", "attempt-result": "briefje"})
    assert Attempt.objects.filter(signal=signal).count() == 1
    client.logout()
    as_user(client, other_worker)
    assert client.get(reverse("frontdoor:signal", args=[signal.pk])).status_code == 404
    assert client.get(reverse("frontdoor:inbox", args=[team.code])).status_code == 404


def test_beheer_routes_keeps_areas_and_uploads_all_or_nothing(client, beheer, team, worker):
    receive_signal(SignalData("S1", TODAY, "water", 100, "9999AA", 1))
    as_user(client, beheer)
    queued = EarlySignal.objects.get()
    client.post(reverse("frontdoor:queue"), {"signal": queued.pk, "team": team.pk})
    assert EarlySignal.objects.get().team == team
    client.post(reverse("frontdoor:areas") + f"?team={team.code}", {"pc4s": "3511, 3512"})
    assert set(TeamArea.objects.values_list("pc4", flat=True)) == {"3511", "3512"}
    bad = (b"signal_ref,received_on,creditor_kind,arrears_cents,postcode,house_number\n"
           b"S2,2020-01-01,water,100,3511AB,1\nS3,2999-01-01,bank,0,35 11,x\n")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("frontdoor:upload"), {"file": SimpleUploadedFile("signals.csv", bad)})
    problems = {(p.line, p.column) for p in response.context["result"].problems}
    assert {(3, "received_on"), (3, "creditor_kind"), (3, "arrears_cents"), (3, "postcode"),
            (3, "house_number")} <= problems
    assert EarlySignal.objects.count() == 1
    good = bad.split(b"\nS3")[0] + b"\n"
    client.post(reverse("frontdoor:upload"), {"file": SimpleUploadedFile("signals.csv", good)})
    assert EarlySignal.objects.get(ref="S2").team == team
    client.logout()
    as_user(client, worker)
    assert client.get(reverse("frontdoor:queue")).status_code == 403
