"""The demo's front door: postcode areas, short contacts (one became the dossier registered that
day) and early signals with attempts and outcomes import without problems; some signals wait in
the queue of functional administration, the others reached the team of their area."""

import pytest

from exchange.demo import DemoBundle
from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import today
from frontdoor.models import Attempt, EarlySignal, ShortContact, TeamArea


@pytest.mark.django_db
def test_demo_short_contacts_and_signals(tmp_path):
    written = DemoBundle(300, today=today(), seed=3).generate().write(tmp_path)
    assert written["short_contacts.csv"] > 0 and written["signals.csv"] > 0
    result = import_bundle(tmp_path)
    assert result.ok, [str(p) for p in result.problems[:20]]
    assert TeamArea.objects.exists() and Attempt.objects.exists()
    assert ShortContact.objects.filter(outcome="dossier", dossier__isnull=False).exists()
    assert ShortContact.objects.filter(anonymous=True, client__isnull=True).exists()
    assert EarlySignal.objects.filter(team__isnull=True).exists()
    assert EarlySignal.objects.filter(team__isnull=False).exclude(outcome="").exists()
