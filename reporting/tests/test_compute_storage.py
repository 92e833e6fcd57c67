"""compute_periods: a quarter computes its three months; the rows of the computed periods
are replaced in one transaction (re-running is harmless, other periods stay untouched);
PeriodComputation keeps when and how many rows."""

import datetime as dt
from collections import Counter

import pytest

from cases.factories import TeamFactory
from reporting.compute import compute_periods, compute_rows, expand
from reporting.factories import dossier, measurement, referral
from reporting.models import IndicatorRow, PeriodComputation
from reporting.periods import Period

D = dt.date
Q1_AND_MONTHS = {"2019-Q1", "2019-01", "2019-02", "2019-03"}


@pytest.fixture
def data(db):
    a = TeamFactory(code="team-a")
    b = TeamFactory(code="team-b")
    first = dossier(a, D(2018, 12, 3), first_contact_on=D(2019, 1, 4), first_contact_location="thuis",
                    support_started_on=D(2019, 1, 10), closed_on=D(2019, 3, 1), can_continue_independently="ja",
                    client_rating=7)
    measurement(first, "nulmeting", D(2019, 1, 10), {"financien": 2, "huisvesting": 3})
    measurement(first, "eindmeting", D(2019, 2, 25), {"financien": 3, "huisvesting": 4})
    second = dossier(b, D(2019, 2, 14), members=2, first_contact_on=D(2019, 2, 15),
                     first_contact_location="kantoor")
    measurement(second, "nulmeting", D(2019, 2, 20), {"financien": 4}, client=None)
    referral(second, "iab-x", "lister-x", decided_on=D(2019, 3, 12), starts_on=D(2019, 3, 20))
    dossier(a, D(2018, 5, 1), support_started_on=D(2018, 5, 20), closed_on=D(2018, 11, 1))
    return a, b


def stored(period=None):
    rows = IndicatorRow.objects.all() if period is None else IndicatorRow.objects.filter(period=period)
    return sorted(((r.period, r.team_id, r.indicator, r.dimension, r.value, r.count) for r in rows), key=repr)


def keys(rows):
    return [r[:4] for r in rows]


def test_quarter_computes_its_months(data):
    per_period = compute_periods(["2019-Q1"])
    assert set(per_period) == Q1_AND_MONTHS
    assert set(IndicatorRow.objects.values_list("period", flat=True)) == Q1_AND_MONTHS
    stored_counts = Counter(IndicatorRow.objects.values_list("period", flat=True))
    assert per_period == dict(stored_counts)
    assert all(n > 0 for n in per_period.values())


def test_rows_are_unique_per_period_team_indicator_dimension(data):
    compute_periods(["2019-Q1", "2018"])
    all_keys = keys(stored())
    duplicates = [k for k, n in Counter(all_keys).items() if n > 1]
    assert not duplicates


def test_recomputing_replaces_rows(data):
    compute_periods(["2019-Q1"])
    before = stored()
    again = compute_periods(["2019-Q1"])
    after = stored()
    assert after == before
    assert sum(again.values()) == len(after) == IndicatorRow.objects.count()
    assert len(set(keys(after))) == len(after)


def test_recomputing_picks_up_changed_data(data):
    a, _b = data
    compute_periods(["2019-Q1"])
    row = IndicatorRow.objects.get(period="2019-Q1", team=a, indicator="dossiers_registered", dimension="")
    assert (row.value, row.count) == (0.0, 0)
    dossier(a, D(2019, 2, 2))
    compute_periods(["2019-Q1"])
    row = IndicatorRow.objects.get(period="2019-Q1", team=a, indicator="dossiers_registered", dimension="")
    assert (row.value, row.count) == (1.0, 1)


def test_other_periods_are_untouched(data):
    compute_periods(["2018", "2019-04"])
    kept = IndicatorRow.objects.filter(period__in=["2018", "2019-04"]).with_computed_at()
    kept_rows = {r.pk: (r.computed_at, r.value) for r in kept}
    kept_computations = dict(PeriodComputation.objects.values_list("period", "computed_at"))
    compute_periods(["2019-Q1"])
    assert {r.pk: (r.computed_at, r.value) for r in kept.all()} == kept_rows
    for period in ("2018", "2019-04"):
        assert PeriodComputation.objects.get(period=period).computed_at == kept_computations[period]
    # computing a month alone leaves its quarter alone
    quarter = stored("2019-Q1")
    compute_periods(["2019-02"])
    assert stored("2019-Q1") == quarter


def test_period_computation_is_recorded_and_updated(data):
    result = compute_periods(["2019-Q1"])
    first = {c.period: c for c in PeriodComputation.objects.all()}
    assert set(first) == Q1_AND_MONTHS
    for code, computation in first.items():
        assert computation.row_count == result[code] == IndicatorRow.objects.filter(period=code).count()
        row = IndicatorRow.objects.filter(period=code).with_computed_at().first()
        assert computation.computed_at == row.computed_at
    compute_periods(["2019-Q1"])
    second = {c.period: c for c in PeriodComputation.objects.all()}
    assert PeriodComputation.objects.count() == 4
    for code in Q1_AND_MONTHS:
        assert second[code].computed_at > first[code].computed_at
        assert second[code].row_count == first[code].row_count


def test_failed_store_keeps_the_old_rows(data, monkeypatch):
    compute_periods(["2019-Q1"])
    before = stored()
    before_computations = list(PeriodComputation.objects.values_list("period", "computed_at", "row_count"))

    def refuse(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("reporting.compute._insert", refuse)
    dossier(data[0], D(2019, 2, 2))  # a change: rows are deleted and inserted
    with pytest.raises(RuntimeError):
        compute_periods(["2019-Q1"])
    monkeypatch.undo()
    assert stored() == before
    assert list(PeriodComputation.objects.values_list("period", "computed_at", "row_count")) == before_computations


def test_nothing_to_compute():
    assert compute_periods([]) == {}


def test_malformed_period_stores_nothing(data):
    with pytest.raises(ValueError):
        compute_periods(["2019-Q1", "2019-13"])
    assert not IndicatorRow.objects.exists()
    assert not PeriodComputation.objects.exists()


def test_batch_equals_separate_computations(data):
    """Computing several periods in one batch gives the same rows as one at a time."""
    together = compute_rows(expand(["2019-Q1", "2018"]))
    separately = [r for code in ("2019-Q1", "2019-01", "2019-02", "2019-03", "2018")
                  for r in compute_rows([Period.parse(code)])]
    assert sorted(together, key=repr) == sorted(separately, key=repr)


def test_every_scalar_indicator_has_a_row_per_team_and_period(data):
    a, b = data
    rows = compute_rows([Period.parse("2019-Q1")])
    scalar = ["dossiers_registered", "dossiers_active", "dossiers_closed", "clients_active", "waiting_list",
              "self_referral_pct", "reach_per_1000", "caseload_per_fte", "waiting_days_mean",
              "waiting_working_days_mean", "first_contact_within_5_working_days_pct", "closed_according_to_plan_pct",
              "can_continue_independently_pct", "client_rating_mean", "client_rating_insufficient",
              "client_rating_response_pct", "referrals_rejected", "missing_support_start_pct",
              "missing_rating_pct", "missing_baseline_pct"]
    for indicator in scalar:
        for team in (a.pk, b.pk, None):
            assert sum(1 for r in rows if r.indicator == indicator and r.team_id == team and r.dimension == "") \
                == 1, (indicator, team)
    with_overall_row = ["first_contact_days_mean", "referrals_granted", "care_started"]
    for indicator in with_overall_row:
        for team in (a.pk, b.pk, None):
            assert sum(1 for r in rows if r.indicator == indicator and r.team_id == team and r.dimension == "") \
                == 1, (indicator, team)
