"""The public v3-bundle sample, front door families (short contacts, early signals): import its
teams, people, dossiers, team areas, short contacts, signals and attempts
(``tests.bundles.importable_copy``), compute 2019-Q2 (with its months), 2019-H1 and 2019, and
every row of the families in v3-bundle-expected.csv comes out exactly (values to 1e-9), with no
other row of the families. Runs on SQLite and on PostgreSQL."""

import csv
import math

import pytest

from cases.models import Team
from exchange.importer import import_bundle
from reporting.compute import compute_periods
from reporting.indicators.catalogue import FAMILIES
from reporting.models import IndicatorRow
from tests.bundles import importable_copy
from tests.sample_paths import SAMPLES

BUNDLE, EXPECTED = SAMPLES / "v3-bundle", SAMPLES / "v3-bundle-expected.csv"
CHECKED = ("2019-Q2", "2019-04", "2019-05", "2019-06", "2019-H1", "2019")
FILES = ["teams.csv", "referrers.csv", "clients.csv", "dossiers.csv", "dossier_clients.csv", "team_areas.csv",
         "short_contacts.csv", "signals.csv", "signal_attempts.csv"]
CODES = set(FAMILIES["short_contacts"]) | set(FAMILIES["early_signals"])
TOLERANCE = 1e-9
EXPECTED_ROWS = 828


def expected_rows() -> dict:
    with EXPECTED.open(newline="", encoding="utf-8") as handle:
        return {
            (r["period"], r["team"] or None, r["indicator"], r["dimension"]):
                (float(r["value"]) if r["value"] != "" else None, int(r["count"]))
            for r in csv.DictReader(handle) if r["indicator"] in CODES
        }


@pytest.fixture
def computed(db, tmp_path):
    result = import_bundle(importable_copy(BUNDLE, tmp_path / "bundle", files=FILES))
    assert result.ok, [str(p) for p in result.problems[:20]]
    compute_periods(["2019-Q2", "2019-H1", "2019"])
    teams = dict(Team.objects.values_list("pk", "code"))
    return {
        (r.period, teams.get(r.team_id), r.indicator, r.dimension): (r.value, r.count)
        for r in IndicatorRow.objects.filter(period__in=CHECKED, indicator__in=CODES)
    }


def _same(expected, actual) -> bool:
    (e_value, e_count), (a_value, a_count) = expected, actual
    if e_count != a_count or (e_value is None) != (a_value is None):
        return False
    return e_value is None or math.isclose(e_value, a_value, rel_tol=0, abs_tol=TOLERANCE)


def test_the_sample_holds_every_code_of_the_family():
    assert {key[2] for key in expected_rows()} == CODES
    assert {key[0] for key in expected_rows()} == set(CHECKED)


def test_every_row_of_the_family_and_no_other(computed):
    expected = expected_rows()
    missing = sorted((k for k in expected if k not in computed), key=str)
    wrong = sorted(((k, expected[k], computed[k]) for k in expected if k in computed
                    and not _same(expected[k], computed[k])), key=str)
    extra = sorted((k for k in computed if k not in expected), key=str)
    assert not missing, f"{len(missing)} missing, e.g. {missing[:8]}"
    assert not wrong, f"{len(wrong)} differ (key, expected, actual), e.g. {wrong[:8]}"
    assert not extra, f"{len(extra)} extra, e.g. {extra[:8]}"
    assert len(computed) == len(expected) == EXPECTED_ROWS
