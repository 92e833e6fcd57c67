"""Importing the same bundle twice changes nothing the second time: no row is written,
not even a timestamp."""

import pytest

from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import MODELS, SAMPLE, counts, run_import, snapshot

pytestmark = pytest.mark.django_db


def test_second_import_of_the_same_bundle_changes_nothing():
    before = counts()
    first = import_bundle(SAMPLE)
    assert first.stored, first.problems
    assert first.changed["dossiers.csv"] == 400
    assert first.changed["zrm.csv"] == 890
    assert counts()["dossiers.csv"] == before["dossiers.csv"] + 400
    state = snapshot()

    second = import_bundle(SAMPLE)
    assert second.stored, second.problems
    assert set(MODELS) <= set(second.changed)  # every file was looked at (other apps' files too)
    assert all(count == 0 for count in second.changed.values()), second.changed
    assert snapshot() == state


def test_second_import_through_the_command():
    assert run_import(SAMPLE).ok
    state = snapshot()
    outcome = run_import(SAMPLE)
    assert outcome.ok
    assert "dossiers.csv 0" in outcome.stdout and "zrm.csv 0" in outcome.stdout
    assert snapshot() == state
