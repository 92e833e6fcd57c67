"""Goal attainment (doelbereik), client rating (rapportcijfer) and data quality
(registratiediscipline): all over closed(P), plus missing nulmetingen over active(P)."""

import datetime as dt

import pytest

from cases.factories import TeamFactory
from reporting.factories import dossier, measurement, safeguard
from reporting.tests.helpers import ALL, check, compute, dimensions

D = dt.date
Q2 = "2019-Q2"  # 2019-04-01 .. 2019-06-30
STARTED = {"support_started_on": D(2019, 1, 20)}


@pytest.fixture
def data(db):
    a = TeamFactory(code="team-a")
    b = TeamFactory(code="team-b")
    empty = TeamFactory(code="team-c")
    reg = D(2019, 1, 10)
    # Team A: four closed in Q2
    k1 = dossier(a, reg, closed_on=D(2019, 4, 1), closure_reason="volgens_plan", can_continue_independently="ja",
                 client_rating=8, **STARTED)  # closed on the first day
    safeguard(k1, "huisarts", "eigen_netwerk")
    k2 = dossier(a, reg, closed_on=D(2019, 5, 15), closure_reason="volgens_plan", can_continue_independently="nee",
                 client_rating=4)  # no support start
    safeguard(k2, "huisarts")
    dossier(a, reg, closed_on=D(2019, 6, 30), closure_reason="eenzijdig_client", can_continue_independently="onbekend",
            **STARTED)  # closed on the last day, no rating
    dossier(a, reg, closed_on=D(2019, 6, 1), closure_reason="onbekend", client_rating=10)  # no answer, no start
    # outside Q2
    dossier(a, reg, closed_on=D(2019, 3, 31), closure_reason="volgens_plan", can_continue_independently="ja",
            client_rating=1, **STARTED)
    dossier(a, reg, closed_on=D(2019, 7, 1), closure_reason="eenzijdig_client", can_continue_independently="nee",
            client_rating=2)
    dossier(a, reg, **STARTED)  # open
    # Team B: three closed in Q2
    dossier(b, reg, closed_on=D(2019, 4, 10), closure_reason="volgens_plan", can_continue_independently="ja",
            client_rating=5, **STARTED)
    m2 = dossier(b, reg, closed_on=D(2019, 4, 11), closure_reason="volgens_plan", can_continue_independently="ja",
                 client_rating=6, **STARTED)
    safeguard(m2, "werk")
    dossier(b, reg, closed_on=D(2019, 5, 5), closure_reason="eenzijdig_aanbieder", can_continue_independently="ja",
            **STARTED)
    return a, b, empty


def test_closure_reasons(data):
    a, b, empty = data
    rows = compute(Q2)
    assert dimensions(rows, "closure_reason", a) == {"volgens_plan": (2.0, 2), "eenzijdig_client": (1.0, 1),
                                                     "onbekend": (1.0, 1)}
    assert dimensions(rows, "closure_reason", b) == {"volgens_plan": (2.0, 2), "eenzijdig_aanbieder": (1.0, 1)}
    assert dimensions(rows, "closure_reason", ALL) == {
        "volgens_plan": (4.0, 4), "eenzijdig_client": (1.0, 1), "onbekend": (1.0, 1), "eenzijdig_aanbieder": (1.0, 1)}
    assert dimensions(rows, "closure_reason", empty) == {}
    check(rows, "closed_according_to_plan_pct", a, value=100 * 2 / 4, count=4)
    check(rows, "closed_according_to_plan_pct", b, value=100 * 2 / 3, count=3)
    check(rows, "closed_according_to_plan_pct", ALL, value=100 * 4 / 7, count=7)  # pooled, not (50 + 66.7) / 2
    check(rows, "closed_according_to_plan_pct", empty, value=None, count=0)


def test_can_continue_independently_leaves_unknown_out(data):
    a, b, empty = data
    rows = compute(Q2)
    # the dossier without an answer has no dimension row at all
    assert dimensions(rows, "can_continue_independently", a) == {"ja": (1.0, 1), "nee": (1.0, 1),
                                                                 "onbekend": (1.0, 1)}
    assert dimensions(rows, "can_continue_independently", b) == {"ja": (3.0, 3)}
    assert dimensions(rows, "can_continue_independently", ALL) == {"ja": (4.0, 4), "nee": (1.0, 1),
                                                                   "onbekend": (1.0, 1)}
    assert dimensions(rows, "can_continue_independently", empty) == {}
    check(rows, "can_continue_independently_pct", a, value=100 * 1 / (1 + 1), count=2)
    check(rows, "can_continue_independently_pct", b, value=100.0, count=3)
    check(rows, "can_continue_independently_pct", ALL, value=100 * 4 / (4 + 1), count=5)  # not (50 + 100) / 2
    check(rows, "can_continue_independently_pct", empty, value=None, count=0)


def test_can_continue_independently_pct_null_when_only_unknown(team_a):
    dossier(team_a, D(2019, 1, 2), closed_on=D(2019, 4, 2), can_continue_independently="onbekend")
    rows = compute(Q2)
    assert dimensions(rows, "can_continue_independently", team_a) == {"onbekend": (1.0, 1)}
    check(rows, "can_continue_independently_pct", team_a, value=None, count=0)
    check(rows, "can_continue_independently_pct", ALL, value=None, count=0)


def test_closure_safeguards(data):
    a, b, empty = data
    rows = compute(Q2)
    assert dimensions(rows, "closure_safeguard", a) == {"huisarts": (2.0, 2), "eigen_netwerk": (1.0, 1)}
    assert dimensions(rows, "closure_safeguard", b) == {"werk": (1.0, 1)}
    assert dimensions(rows, "closure_safeguard", ALL) == {"huisarts": (2.0, 2), "eigen_netwerk": (1.0, 1),
                                                          "werk": (1.0, 1)}
    assert dimensions(rows, "closure_safeguard", empty) == {}


def test_client_rating(data):
    a, b, empty = data
    rows = compute(Q2)
    check(rows, "client_rating_mean", a, value=(8 + 4 + 10) / 3, count=3)
    check(rows, "client_rating_mean", b, value=(5 + 6) / 2, count=2)
    check(rows, "client_rating_mean", ALL, value=(8 + 4 + 10 + 5 + 6) / 5, count=5)  # pooled
    check(rows, "client_rating_mean", empty, value=None, count=0)
    assert dimensions(rows, "client_rating", a) == {"8": (1.0, 1), "4": (1.0, 1), "10": (1.0, 1)}
    assert dimensions(rows, "client_rating", ALL) == {str(r): (1.0, 1) for r in (4, 5, 6, 8, 10)}
    assert dimensions(rows, "client_rating", empty) == {}
    # onvoldoende is 1-5: 4 in A, 5 (not 6) in B
    check(rows, "client_rating_insufficient", a, value=1, count=1)
    check(rows, "client_rating_insufficient", b, value=1, count=1)
    check(rows, "client_rating_insufficient", ALL, value=2, count=2)
    check(rows, "client_rating_insufficient", empty, value=0, count=0)
    check(rows, "client_rating_response_pct", a, value=100 * 3 / 4, count=4)
    check(rows, "client_rating_response_pct", b, value=100 * 2 / 3, count=3)
    check(rows, "client_rating_response_pct", ALL, value=100 * 5 / 7, count=7)
    check(rows, "client_rating_response_pct", empty, value=None, count=0)


def test_data_quality_of_closures(data):
    a, b, empty = data
    rows = compute(Q2)
    check(rows, "missing_support_start_pct", a, value=100 * 2 / 4, count=4)
    check(rows, "missing_support_start_pct", b, value=0.0, count=3)
    check(rows, "missing_support_start_pct", ALL, value=100 * 2 / 7, count=7)
    check(rows, "missing_support_start_pct", empty, value=None, count=0)
    check(rows, "missing_rating_pct", a, value=100 - 100 * 3 / 4, count=4)
    check(rows, "missing_rating_pct", b, value=100 - 100 * 2 / 3, count=3)
    check(rows, "missing_rating_pct", ALL, value=100 - 100 * 5 / 7, count=7)
    check(rows, "missing_rating_pct", empty, value=None, count=0)


def test_missing_baseline_pct(db):
    a = TeamFactory(code="team-a")
    b = TeamFactory(code="team-b")
    empty = TeamFactory(code="team-c")
    # Q2 ends 2019-06-30; 42 days before is 2019-05-19.
    dossier(a, D(2019, 5, 18))  # 43 days before the end, no nulmeting: counted, missing
    dossier(a, D(2019, 5, 19))  # exactly 42 days: not counted
    n3 = dossier(a, D(2019, 1, 10))
    measurement(n3, "nulmeting", D(2019, 2, 1), {"financien": 3})  # has one
    n4 = dossier(a, D(2019, 1, 10))
    measurement(n4, "nulmeting", D(2019, 7, 5), {"financien": 3})  # only after the end: missing
    n5 = dossier(a, D(2019, 1, 10))
    measurement(n5, "tussenmeting", D(2019, 3, 1), {"financien": 3})  # no nulmeting: missing
    dossier(a, D(2018, 1, 1), closed_on=D(2019, 3, 31))  # not active in Q2: not counted
    n7 = dossier(a, D(2018, 6, 1), closed_on=D(2019, 4, 1))  # active (closed on the first day)
    measurement(n7, "nulmeting", D(2018, 6, 10), {"financien": 2}, client=None)  # household nulmeting counts
    p1 = dossier(b, D(2019, 3, 1))
    measurement(p1, "nulmeting", D(2019, 3, 10), {"huisvesting": 4}, instrument="zrm-2017")
    rows = compute(Q2)
    # A: counted 05-18, n3, n4, n5, n7; missing 05-18, n4, n5
    check(rows, "missing_baseline_pct", a, value=100 * 3 / 5, count=5)
    check(rows, "missing_baseline_pct", b, value=0.0, count=1)
    check(rows, "missing_baseline_pct", ALL, value=100 * 3 / 6, count=6)
    check(rows, "missing_baseline_pct", empty, value=None, count=0)


def test_missing_baseline_grace_per_period_end(team_a):
    dossier(team_a, D(2019, 4, 15))
    # April ends 04-30: 15 days, within the grace; June ends 06-30: 76 days, counted
    april, june = compute("2019-04"), compute("2019-06")
    check(april, "missing_baseline_pct", team_a, value=None, count=0)
    check(june, "missing_baseline_pct", team_a, value=100.0, count=1)
