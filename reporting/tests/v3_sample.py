"""The public v3-bundle sample and its expected rows (v3-bundle-expected.csv), shared by the
tests of the v3 families: import the files a family needs (``tests.bundles.importable_copy``),
compute 2019-Q2 (with its months), 2019-H1 and 2019, and compare every row exactly (values to
1e-9, counts equal), with no row of the family missing or extra."""

import csv
import math

from cases.models import Team
from exchange.importer import import_bundle
from reporting.compute import compute_periods
from reporting.models import IndicatorRow
from tests.bundles import importable_copy
from tests.sample_paths import SAMPLES

BUNDLE, EXPECTED = SAMPLES / "v3-bundle", SAMPLES / "v3-bundle-expected.csv"
CHECKED = ("2019-Q2", "2019-04", "2019-05", "2019-06", "2019-H1", "2019")
TOLERANCE = 1e-9
Key = tuple[str, str | None, str, str]


def expected_rows(codes: set[str] | None = None) -> dict[Key, tuple[float | None, int]]:
    """The expected rows of ``codes`` (every row without)."""
    with EXPECTED.open(newline="", encoding="utf-8") as handle:
        return {
            (r["period"], r["team"] or None, r["indicator"], r["dimension"]):
                (float(r["value"]) if r["value"] != "" else None, int(r["count"]))
            for r in csv.DictReader(handle) if codes is None or r["indicator"] in codes
        }


def import_and_compute(tmp_path, files: list[str], codes: set[str]) -> dict[Key, tuple[float | None, int]]:
    """Import ``files`` of the sample, compute its periods, and return the rows of ``codes``."""
    result = import_bundle(importable_copy(BUNDLE, tmp_path / "bundle", files=files))
    assert result.ok, [str(p) for p in result.problems[:20]]
    compute_periods(["2019-Q2", "2019-H1", "2019"])
    teams = dict(Team.objects.values_list("pk", "code"))
    return {
        (r.period, teams.get(r.team_id), r.indicator, r.dimension): (r.value, r.count)
        for r in IndicatorRow.objects.filter(period__in=CHECKED, indicator__in=codes)
    }


def same_row(expected, actual) -> bool:
    """(value, count) pairs: the same count, and values equal to 1e-9 (or both null)."""
    (e_value, e_count), (a_value, a_count) = expected, actual
    if e_count != a_count or (e_value is None) != (a_value is None):
        return False
    return e_value is None or math.isclose(e_value, a_value, rel_tol=0, abs_tol=TOLERANCE)


def assert_same_rows(expected: dict, computed: dict, count: int) -> None:
    """Every expected row, exactly, and no other; ``count`` rows in all."""
    missing = sorted((k for k in expected if k not in computed), key=str)
    wrong = sorted(((k, expected[k], computed[k]) for k in expected if k in computed
                    and not same_row(expected[k], computed[k])), key=str)
    extra = sorted((k for k in computed if k not in expected), key=str)
    assert not missing, f"{len(missing)} missing, e.g. {missing[:8]}"
    assert not wrong, f"{len(wrong)} differ (key, expected, actual), e.g. {wrong[:8]}"
    assert not extra, f"{len(extra)} extra, e.g. {extra[:8]}"
    assert len(computed) == len(expected) == count
