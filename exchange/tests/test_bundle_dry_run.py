"""--dry-run validates a valid bundle completely and stores nothing."""

import pytest

from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import SAMPLE, run_import, snapshot

pytestmark = pytest.mark.django_db


def test_dry_run_of_a_valid_bundle_stores_nothing_and_succeeds():
    before = snapshot()
    outcome = run_import(SAMPLE, "--dry-run")
    assert outcome.ok, outcome.stderr
    assert outcome.stderr.strip() == "" or "Traceback" not in outcome.stderr
    assert "dossiers.csv 400" in outcome.stdout
    assert snapshot() == before


def test_dry_run_result():
    result = import_bundle(SAMPLE, dry_run=True)
    assert result.ok and result.dry_run and not result.stored
    assert result.rows_read["dossiers.csv"] == 400
    assert result.rows_read["zrm.csv"] == 890
    assert result.changed == {}
