"""The shared sample bundle: import it, compute 2019-Q1 (with its months), 2019-Q2 and
2018, and every row of small-bundle-expected.csv must come out (values to 1e-9), with no
extra rows except the three indicators the sample leaves out."""

import csv

import pytest

from cases.models import Team
from exchange.importer import import_bundle
from reporting.compute import compute_periods
from reporting.indicators.catalogue import FAMILIES
from reporting.models import IndicatorRow
from reporting.tests.v3_sample import same_row
from tests.sample_paths import SAMPLE_BUNDLE, SAMPLE_EXPECTED, v3_codes

BUNDLE = SAMPLE_BUNDLE
EXPECTED = SAMPLE_EXPECTED
PERIODS = ("2019-Q1", "2019-Q2", "2018")
CHECKED = ("2019-Q1", "2019-Q2", "2019-04", "2018")
NOT_IN_SAMPLE = {"reach_per_1000", "caseload_per_fte", "missing_baseline_pct"}
# The v2 families (indicators.md "Additions (v2)") need data this v1 sample does not have;
# plan-bundle-expected.csv checks them.
V2_FAMILIES = ("journal", "registration_lag", "plan", "clients_duration", "zrm_detail")
V2_CODES = {code for family in V2_FAMILIES for code in FAMILIES.get(family, ())} | v3_codes()


def expected_rows() -> dict[tuple, tuple]:
    with EXPECTED.open(newline="", encoding="utf-8") as handle:
        return {
            (r["period"], r["team"] or None, r["indicator"], r["dimension"]):
                (float(r["value"]) if r["value"] != "" else None, int(r["count"]))
            for r in csv.DictReader(handle)
        }


@pytest.fixture
def computed(db):
    result = import_bundle(BUNDLE)
    assert result.ok, result.problems
    per_period = compute_periods(PERIODS)
    assert set(per_period) == {"2019-Q1", "2019-01", "2019-02", "2019-03", "2019-Q2", "2019-04", "2019-05",
                               "2019-06", "2018"}
    teams = dict(Team.objects.values_list("pk", "code"))
    return {
        (r.period, teams.get(r.team_id), r.indicator, r.dimension): (r.value, r.count)
        for r in IndicatorRow.objects.filter(period__in=CHECKED)
    }


def test_sample_has_the_expected_shape():
    expected = expected_rows()
    assert {key[0] for key in expected} == set(CHECKED)
    assert len(expected) == 2496
    assert not {key[2] for key in expected} & NOT_IN_SAMPLE


def test_every_expected_row_is_computed(computed):
    expected = expected_rows()
    missing = sorted((k for k in expected if k not in computed), key=str)
    wrong = sorted(
        ((k, expected[k], computed[k]) for k in expected if k in computed and not same_row(expected[k], computed[k])),
        key=str,
    )
    assert not missing, f"{len(missing)} expected rows not computed, e.g. {missing[:10]}"
    assert not wrong, f"{len(wrong)} rows differ (key, expected, actual), e.g. {wrong[:10]}"


def test_no_extra_rows_except_the_indicators_the_sample_leaves_out(computed):
    expected = expected_rows()
    extra = sorted((k for k in computed if k not in expected and k[2] not in NOT_IN_SAMPLE | V2_CODES), key=str)
    assert not extra, f"{len(extra)} rows not in the sample, e.g. {extra[:10]}"
    # The left-out indicators are scalar: one row per period and team (3 teams + all teams).
    for indicator in NOT_IN_SAMPLE:
        keys = [k for k in computed if k[2] == indicator]
        assert len(keys) == len(CHECKED) * 4, indicator


def test_reach_and_caseload_follow_from_the_expected_volumes(computed):
    """reach_per_1000 and caseload_per_fte are not in the sample, but follow from its rows and
    teams.csv: noord 21,000 inhabitants / 12.5 FTE, zuid unknown / 9 FTE, west 18,000 / unknown.
    Open at the end = active - closed in the period. The all-teams figures are null because one
    team's population and another's FTE are unknown (volume.py's choice)."""
    expected = expected_rows()
    population = {"noord": 21_000, "zuid": None, "west": 18_000, None: None}
    fte = {"noord": 12.5, "zuid": 9.0, "west": None, None: None}
    for period in CHECKED:
        for team in ("noord", "zuid", "west", None):
            clients = expected[(period, team, "clients_active", "")][1]
            open_at_end = (expected[(period, team, "dossiers_active", "")][1]
                           - expected[(period, team, "dossiers_closed", "")][1])
            reach = 1000 * clients / population[team] if population[team] else None
            caseload = open_at_end / fte[team] if fte[team] else None
            assert same_row((reach, clients), computed[(period, team, "reach_per_1000", "")]), (period, team)
            assert same_row((caseload, open_at_end), computed[(period, team, "caseload_per_fte", "")]), (period, team)
