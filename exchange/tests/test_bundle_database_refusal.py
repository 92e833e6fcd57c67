"""All or nothing also when the database refuses a row half-way through storing: the
whole import is rolled back, the problem is reported, no traceback."""

import pytest
from django.db import IntegrityError

from exchange import store
from exchange.tests.test_bundle_helpers import SAMPLE, counts, run_import, snapshot

pytestmark = pytest.mark.django_db


def test_a_failure_while_storing_rolls_everything_back(monkeypatch):
    stored = []

    upsert = store.Store.upsert

    def refuse(self, label, *args, **kwargs):
        if label == "zrm.csv":
            stored.append(counts())  # teams, clients, dossiers, members and safeguards are written by now
            raise IntegrityError("zrm_measurement violates a constraint")
        return upsert(self, label, *args, **kwargs)

    monkeypatch.setattr(store.Store, "upsert", refuse)
    before = snapshot()
    outcome = run_import(SAMPLE)
    assert stored and stored[0]["dossiers.csv"] == before["dossiers.csv"].__len__() + 400
    assert not outcome.ok
    assert outcome.places == {("-", 0, "-")}
    assert "zrm_measurement violates a constraint" in outcome.stderr
    assert "Traceback" not in outcome.stderr + outcome.stdout
    assert snapshot() == before
