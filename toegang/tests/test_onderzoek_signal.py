"""The onderzoek's term: a melding without a report opens a signal two weeks before the six
weeks lapse, and the signal closes itself once the report is given."""

import datetime as dt

from maatwerk import melding_services
from toegang.tests.conftest import DAY, TODAY
from work import signals
from work.models import Signal, Task


def test_the_signal_opens_before_the_term_lapses_and_closes_itself(allocation, generalist_a):
    melding = melding_services.create_melding(allocation.dossier, user=generalist_a, client=allocation.client,
                                              melding_on=TODAY - 27 * DAY)
    signals.derive(TODAY)
    assert not Task.objects.filter(signal=Signal.ONDERZOEK_DUE).exists()
    signals.derive(TODAY + DAY)
    task = Task.objects.get(signal=Signal.ONDERZOEK_DUE)
    assert (task.signal_key, task.due_on) == (str(melding.pk), melding.melding_on + dt.timedelta(days=42))
    melding_services.record_verslag(melding, user=generalist_a, verslag="Gesprek gehad.", verslag_on=TODAY)
    signals.derive(TODAY + DAY)
    task.refresh_from_db()
    assert task.resolved_at is not None
