"""An early signal on an open dossier's address without an attempt past its term is a signal-task
of that dossier for the team (work.signals.derive), closed as soon as an attempt is recorded."""

import datetime as dt

import pytest

from cases.factories import household
from frontdoor.earlysignals import SignalData, receive_signal, record_attempt
from work.models import Signal, Task
from work.signals import derive

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def test_overdue_signal_task_opens_and_closes_itself(team, worker):
    dossier = household(team, lead_worker=worker)
    client = dossier.members.get().client
    client.postcode, client.address = "3511AB", "Oudegracht 7"
    client.save()
    signal, _created = receive_signal(SignalData("S7", TODAY - dt.timedelta(days=30), "energie", 900, "3511AB", 7))
    derive(TODAY)
    task = Task.objects.get(signal=Signal.EARLY_SIGNAL_OVERDUE)
    assert task.dossier == dossier and task.signal_key == str(signal.pk) and task.is_open
    record_attempt(worker, signal.pk, on=TODAY, kind="huisbezoek", result="contact")
    task.refresh_from_db()
    assert not task.is_open
    derive(TODAY)
    task.refresh_from_db()
    assert not task.is_open
