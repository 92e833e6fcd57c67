"""Routing of early signals (front-door.md): by the teams' PC4 areas; unrouted into the queue;
on the address of a client of an open dossier to that dossier's team, linked, with a task for
its lead worker only; idempotent on signal_ref; the outcome rules."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from cases.factories import household
from frontdoor.earlysignals import SignalData, overdue, receive_signal, record_attempt, set_outcome
from frontdoor.factories import serve
from work.models import Task

TODAY = dt.date.today()
pytestmark = pytest.mark.django_db


def data(ref="S1", postcode="3511AB", house_number=12, addition="", **fields):
    values = {"ref": ref, "received_on": TODAY - dt.timedelta(days=20), "creditor_kind": "water",
              "arrears_cents": 12_345, "postcode": postcode, "house_number": house_number,
              "house_number_addition": addition}
    return SignalData(**{**values, **fields})


def test_routed_by_area_or_queued(team, other_team):
    serve(team, "3511")
    assert receive_signal(data())[0].team == team
    queued, created = receive_signal(data("S2", postcode="9999ZZ"))
    assert created and queued.team is None


def test_idempotent_on_ref(team):
    first, created = receive_signal(data())
    again, created_again = receive_signal(data(arrears_cents=1))
    assert created and not created_again and again.pk == first.pk and again.arrears_cents == 12_345


def test_an_open_dossiers_address_goes_to_its_team_and_lead_worker(team, other_team, worker, other_worker):
    serve(other_team, "3511")
    dossier = household(team, lead_worker=worker)
    client = dossier.members.get().client
    client.postcode, client.address = "3511AB", "Oudegracht 12 a"
    client.save()
    signal, _created = receive_signal(data(addition="A"))
    assert signal.team == team and signal.dossier == dossier
    task = Task.objects.get(dossier=dossier)
    assert task.assignee == worker and "S1" in task.title
    elsewhere, _created = receive_signal(data("S3", house_number=14))
    assert elsewhere.team == other_team and elsewhere.dossier is None


def test_malformed_signal_names_every_problem():
    with pytest.raises(ValidationError) as error:
        receive_signal(data(ref="", postcode="3511 ab", house_number=None, creditor_kind="bank", arrears_cents=0,
                            received_on=TODAY + dt.timedelta(days=1)))
    assert set(error.value.message_dict) == {"signal_ref", "postcode", "house_number", "creditor_kind",
                                             "arrears_cents", "received_on"}


def test_attempts_and_outcome_rules(team, worker):
    serve(team, "3511")
    signal, _created = receive_signal(data())
    assert overdue(signal)
    with pytest.raises(ValidationError) as error:
        set_outcome(worker, signal.pk, outcome="geen_contact", outcome_on=TODAY)
    assert "outcome" in error.value.message_dict
    record_attempt(worker, signal.pk, on=TODAY - dt.timedelta(days=5), kind="huisbezoek", result="geen_gehoor")
    assert not overdue(signal)
    record_attempt(worker, signal.pk, on=TODAY - dt.timedelta(days=2), kind="huisbezoek", result="briefje")
    with pytest.raises(ValidationError) as error:
        set_outcome(worker, signal.pk, outcome="hulp_aanvaard", outcome_on=TODAY - dt.timedelta(days=3))
    assert error.value.message_dict.keys() == {"outcome", "outcome_on"}
    closed = set_outcome(worker, signal.pk, outcome="geen_contact", outcome_on=TODAY)
    assert closed.outcome == "geen_contact"
    with pytest.raises(ValidationError):
        record_attempt(worker, signal.pk, on=TODAY, kind="brief", result="briefje")
