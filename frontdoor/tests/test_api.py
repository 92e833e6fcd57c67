"""The signal hub's endpoint: a sender's token writes signals and nothing else; a POSTed signal
lands in the right team's inbox, one on an open dossier's client reaches that dossier's lead
worker only; idempotent on signal_ref; a malformed request is Problem JSON naming every field,
with nothing stored; the endpoint is in the OpenAPI document."""

import datetime as dt

import pytest

from cases.factories import household
from frontdoor.api import create_sender
from frontdoor.factories import serve
from frontdoor.models import EarlySignal
from work.models import Task

pytestmark = pytest.mark.django_db
URL = "/api/v1/signals"
BODY = {"signal_ref": "HUB-1", "received_on": (dt.date.today() - dt.timedelta(days=1)).isoformat(),
        "creditor_kind": "woningcorporatie", "creditor": "Mitros", "arrears_cents": 81234, "arrears_months": 2,
        "postcode": "3511AB", "house_number": 12}


@pytest.fixture
def token():
    return create_sender("Schuldsignalen Utrecht")[1]


def post(client, token, body):
    return client.post(URL, body, content_type="application/json", HTTP_AUTHORIZATION=f"Token {token}")


def test_a_signal_reaches_the_team_of_its_area_once(client, token, team):
    serve(team, "3511")
    first = post(client, token, BODY)
    assert first.status_code == 201 and first.json() == {"signal_ref": "HUB-1", "status": "ontvangen"}
    again = post(client, token, {**BODY, "arrears_cents": 1})
    assert again.status_code == 200 and EarlySignal.objects.get().arrears_cents == 81234
    assert EarlySignal.objects.get().team == team


def test_an_open_dossiers_client_reaches_its_lead_worker_only(client, token, team, other_team, worker,
                                                            other_worker):
    serve(other_team, "3511")
    dossier = household(team, lead_worker=worker)
    member = dossier.members.get().client
    member.postcode, member.address = "3511AB", "Oudegracht 12"
    member.save()
    response = post(client, token, BODY)
    assert response.status_code == 201 and "dossier" not in response.content.decode()
    signal = EarlySignal.objects.get()
    assert signal.team == team and signal.dossier == dossier
    assert list(Task.objects.values_list("assignee", flat=True)) == [worker.pk]
    assert not EarlySignal.objects.for_user(other_worker).exists()


def test_malformed_is_problem_json_naming_every_field(client, token):
    response = post(client, token, {"signal_ref": "", "received_on": "gisteren", "creditor_kind": "bank",
                                    "arrears_cents": 0, "postcode": "3511 ab"})
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    named = {p["name"] for p in response.json()["invalid_params"]}
    assert named == {"signal_ref", "received_on", "creditor_kind", "arrears_cents", "postcode", "house_number"}
    assert not EarlySignal.objects.exists()


def test_the_token_writes_signals_only(client, token):
    assert client.post(URL, BODY, content_type="application/json").status_code == 401
    assert post(client, "wrong", BODY).status_code == 401
    assert client.get("/api/v1/indicators", HTTP_AUTHORIZATION=f"Token {token}").status_code in (401, 403)
    assert client.get(URL, HTTP_AUTHORIZATION=f"Token {token}").status_code == 405


def test_in_the_openapi_document(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "post" in schema["paths"]["/api/v1/signals"]


def test_a_posted_signal_is_in_its_teams_inbox_only(client, token, team, worker, other_worker):
    from django.test import Client
    from django.urls import reverse

    from conftest import as_user

    serve(team, "3511")
    post(client, token, BODY)
    signal = EarlySignal.objects.get()
    as_user(client, worker)
    inbox = client.get(reverse("frontdoor:inbox", args=[team.code]))
    assert [s.pk for s in inbox.context["open"]] == [signal.pk]
    other = Client()
    as_user(other, other_worker)
    assert other.get(reverse("frontdoor:signal", args=[signal.pk])).status_code == 404
