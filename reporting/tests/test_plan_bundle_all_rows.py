"""The public plan-bundle sample: import it, compute 2019-Q2 (with its months), 2019-H1 and
2019, and every row of plan-bundle-expected.csv comes out - v1 and v2 families alike,
values to 1e-9 - with no row the sample lacks except the three indicators it leaves out.
Per family the rows are checked separately, so a failure names the family."""

import csv
import shutil

import pytest

from cases.models import Team
from exchange.importer import import_bundle
from exchange.registry import files_by_name
from reporting.compute import compute_periods
from reporting.indicators.catalogue import FAMILIES
from reporting.models import IndicatorRow
from reporting.tests.v3_sample import same_row
from tests.sample_paths import SAMPLES, v3_codes

BUNDLE, EXPECTED = SAMPLES / "plan-bundle", SAMPLES / "plan-bundle-expected.csv"
CHECKED = ("2019-Q2", "2019-04", "2019-H1", "2019")
# and the v3 families (v3-bundle-expected.csv checks those)
NOT_IN_SAMPLE = {"reach_per_1000", "caseload_per_fte", "missing_baseline_pct"} | v3_codes()


def expected_rows() -> dict:
    with EXPECTED.open(newline="", encoding="utf-8") as handle:
        return {
            (r["period"], r["team"] or None, r["indicator"], r["dimension"]):
                (float(r["value"]) if r["value"] != "" else None, int(r["count"]))
            for r in csv.DictReader(handle)
        }


@pytest.fixture
def computed(db, tmp_path):
    for path in BUNDLE.iterdir():  # files of apps not installed (yet) are left out
        if path.name in files_by_name():
            shutil.copy(path, tmp_path / path.name)
    result = import_bundle(tmp_path)
    assert result.ok, [str(p) for p in result.problems[:20]]
    per_period = compute_periods(["2019-Q2", "2019-H1", "2019"])
    assert set(per_period) == {"2019-Q2", "2019-04", "2019-05", "2019-06", "2019-H1", "2019"}
    teams = dict(Team.objects.values_list("pk", "code"))
    return {
        (r.period, teams.get(r.team_id), r.indicator, r.dimension): (r.value, r.count)
        for r in IndicatorRow.objects.filter(period__in=CHECKED)
    }


def test_sample_has_the_four_periods_and_every_family():
    expected = expected_rows()
    assert {key[0] for key in expected} == set(CHECKED)
    indicators = {key[2] for key in expected}
    for family, codes in FAMILIES.items():
        assert set(codes) - NOT_IN_SAMPLE <= indicators, family


def _problems(expected: dict, actual: dict) -> list[str]:
    missing = sorted((k for k in expected if k not in actual), key=str)
    wrong = sorted(((k, expected[k], actual[k]) for k in expected if k in actual
                    and not same_row(expected[k], actual[k])), key=str)
    extra = sorted((k for k in actual if k not in expected), key=str)
    return [f"{len(items)} {what}, e.g. {items[:5]}" for what, items in
            (("missing", missing), ("differ (key, expected, actual)", wrong), ("extra", extra)) if items]


def test_every_row_of_the_sample_and_no_other(computed):
    """Every family, v1 and v2: each family's rows exactly, and no rows of unknown indicators."""
    expected = expected_rows()
    problems = {}
    for family, codes in FAMILIES.items():
        codes = set(codes) - NOT_IN_SAMPLE
        found = _problems({k: v for k, v in expected.items() if k[2] in codes},
                          {k: v for k, v in computed.items() if k[2] in codes})
        if found:
            problems[family] = found
    assert not problems, problems
    assert len(expected) == sum(1 for k in computed if k[2] not in NOT_IN_SAMPLE) == 6558
