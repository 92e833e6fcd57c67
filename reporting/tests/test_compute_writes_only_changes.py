"""A recomputation writes only what changed: rows whose value and count are as stored stay
(the same row, untouched, with the period's new computed_at); changed rows are replaced;
rows no longer computed go; the stored figures always equal a fresh computation."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.factories import TeamFactory
from reporting.compute import compute_periods, compute_rows, expand
from reporting.factories import dossier
from reporting.models import IndicatorRow

D = dt.date


@pytest.fixture
def team(db):
    team = TeamFactory(code="team-a")
    dossier(team, D(2019, 1, 7))
    return team


def _stored():
    return {(r.period, r.team_id, r.indicator, r.dimension): r for r in IndicatorRow.objects.with_computed_at()}


def _fresh():
    return {(r.period, r.team_id, r.indicator, r.dimension): (r.value, r.count)
            for r in compute_rows(expand(["2019-Q1"]))}


def test_unchanged_rows_stay_with_the_new_time(team):
    compute_periods(["2019-Q1"])
    before = _stored()
    with CaptureQueriesContext(connection) as captured:
        compute_periods(["2019-Q1"])
    after = _stored()
    assert {k: r.pk for k, r in after.items()} == {k: r.pk for k, r in before.items()}
    # nothing changed: the stored rows are read once (to compare) and not written
    touching = [q["sql"] for q in captured.captured_queries if "reporting_indicatorrow" in q["sql"]]
    assert len(touching) == 1 and touching[0].startswith("SELECT")
    assert len({r.computed_at for r in after.values()}) == 1
    assert next(iter(after.values())).computed_at > next(iter(before.values())).computed_at


def test_changed_and_vanished_rows_are_replaced(team):
    compute_periods(["2019-Q1"])
    before = _stored()
    dossier(team, D(2019, 2, 11), closed_on=D(2019, 3, 1))
    compute_periods(["2019-Q1"])
    after = _stored()
    key = ("2019-Q1", team.pk, "dossiers_registered", "")
    assert (after[key].value, after[key].count) == (2.0, 2)
    assert after[key].pk != before[key].pk
    unchanged = ("2019-Q1", team.pk, "referrals_granted", "")
    assert after[unchanged].pk == before[unchanged].pk
    assert {k: (r.value, r.count) for k, r in after.items()} == _fresh()
    assert len({r.computed_at for r in after.values()}) == 1

    IndicatorRow.objects.filter(pk=after[unchanged].pk).update(value=99)  # a row that differs from the data
    IndicatorRow.objects.create(period="2019-01", team=team, indicator="gone", dimension="x", value=1,
                                count=1)  # a row no longer computed
    compute_periods(["2019-Q1"])
    assert {k: (r.value, r.count) for k, r in _stored().items()} == _fresh()
