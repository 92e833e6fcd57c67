"""The public v3-bundle sample, whole: one import of every file it holds, one computation of
2019-Q2 (with its months), 2019-H1 and 2019, and every row of v3-bundle-expected.csv (all v3
families: Wmo toegang, short contacts, early signals, client voice) comes out exactly (values to
1e-9), with no other row of those families. The per-family tests import only the files a family
needs; this one proves the families do not disturb each other. SQLite and PostgreSQL."""

import csv
import math

import pytest

from cases.models import Team
from exchange.importer import import_bundle
from reporting.compute import compute_periods
from reporting.models import IndicatorRow
from tests.bundles import importable_copy
from tests.sample_paths import SAMPLES

BUNDLE, EXPECTED = SAMPLES / "v3-bundle", SAMPLES / "v3-bundle-expected.csv"
CHECKED = ("2019-Q2", "2019-04", "2019-05", "2019-06", "2019-H1", "2019")
EXPECTED_ROWS = 1477  # the sample's rows (the file has 1,478 lines with its header)
TOLERANCE = 1e-9


def expected_rows() -> dict:
    with EXPECTED.open(newline="", encoding="utf-8") as handle:
        return {
            (r["period"], r["team"] or None, r["indicator"], r["dimension"]):
                (float(r["value"]) if r["value"] != "" else None, int(r["count"]))
            for r in csv.DictReader(handle)
        }


@pytest.fixture
def computed(db, tmp_path):
    files = sorted(path.name for path in BUNDLE.iterdir() if path.suffix == ".csv")
    result = import_bundle(importable_copy(BUNDLE, tmp_path / "bundle", files=files))
    assert result.ok, [str(p) for p in result.problems[:20]]
    compute_periods(["2019-Q2", "2019-H1", "2019"])
    codes = {key[2] for key in expected_rows()}
    teams = dict(Team.objects.values_list("pk", "code"))
    return {
        (r.period, teams.get(r.team_id), r.indicator, r.dimension): (r.value, r.count)
        for r in IndicatorRow.objects.filter(period__in=CHECKED, indicator__in=codes)
    }


def _same(expected, actual) -> bool:
    (e_value, e_count), (a_value, a_count) = expected, actual
    if e_count != a_count or (e_value is None) != (a_value is None):
        return False
    return e_value is None or math.isclose(e_value, a_value, rel_tol=0, abs_tol=TOLERANCE)


def test_every_v3_row_from_one_import_of_the_whole_sample(computed):
    expected = expected_rows()
    missing = sorted((k for k in expected if k not in computed), key=str)
    wrong = sorted(((k, expected[k], computed[k]) for k in expected if k in computed
                    and not _same(expected[k], computed[k])), key=str)
    extra = sorted((k for k in computed if k not in expected), key=str)
    assert not missing, f"{len(missing)} missing, e.g. {missing[:8]}"
    assert not wrong, f"{len(wrong)} differ (key, expected, actual), e.g. {wrong[:8]}"
    assert not extra, f"{len(extra)} extra, e.g. {extra[:8]}"
    assert len(computed) == len(expected) == EXPECTED_ROWS
