"""The demo generator writes a bundle that imports without problems (and only once)."""

import datetime as dt

import pytest

from exchange.demo import DemoBundle
from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import counts, today


@pytest.mark.django_db
@pytest.mark.parametrize("day", [None, dt.date(2024, 2, 29)], ids=["today", "a leap day in the past"])
def test_demo_bundle_imports_without_problems(tmp_path, day):
    before = counts()
    written = DemoBundle(200, today=day or today(), seed=1).generate().write(tmp_path)
    assert written["dossiers.csv"] == 200
    result = import_bundle(tmp_path)
    assert result.ok, [str(p) for p in result.problems[:20]]
    after = counts()
    for name, rows in written.items():
        assert result.rows_read[name] == rows
    assert after["dossiers.csv"] - before["dossiers.csv"] == 200
    assert after["zrm.csv"] - before["zrm.csv"] == written["zrm.csv"] > 0
    assert after["referrals.csv"] - before["referrals.csv"] == written["referrals.csv"] > 0
    assert all(count == 0 for count in import_bundle(tmp_path).changed.values())
