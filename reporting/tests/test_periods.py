"""Periods: a month YYYY-MM, a quarter YYYY-Qn or a year YYYY, with inclusive bounds."""

import datetime as dt

import pytest

from reporting.compute import expand
from reporting.periods import Period

D = dt.date


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2019-01", D(2019, 1, 1), D(2019, 1, 31)),
        ("2019-02", D(2019, 2, 1), D(2019, 2, 28)),
        ("2020-02", D(2020, 2, 1), D(2020, 2, 29)),  # leap year
        ("2019-04", D(2019, 4, 1), D(2019, 4, 30)),
        ("2019-12", D(2019, 12, 1), D(2019, 12, 31)),
        ("2019-Q1", D(2019, 1, 1), D(2019, 3, 31)),
        ("2019-Q2", D(2019, 4, 1), D(2019, 6, 30)),
        ("2019-Q3", D(2019, 7, 1), D(2019, 9, 30)),
        ("2019-Q4", D(2019, 10, 1), D(2019, 12, 31)),
        ("2018", D(2018, 1, 1), D(2018, 12, 31)),
    ],
)
def test_parse_gives_inclusive_bounds(code, start, end):
    period = Period.parse(code)
    assert (period.start, period.end, period.code, str(period)) == (start, end, code, code)


@pytest.mark.parametrize(
    "code",
    ["", None, "2019-13", "2019-00", "2019-1", "2019-Q0", "2019-Q5", "2019Q1", "2019-q1", "19-01", "20190",
     "2019-01-01", " 2019", "2019 ", "abcd", "2019-Qx", "1899", "3000", "2019/01"],
)
def test_malformed_codes_raise_value_error(code):
    with pytest.raises(ValueError, match="is not a period"):
        Period.parse(code)


@pytest.mark.parametrize("code", ["2019-Q1\n", "2019\n"])
def test_trailing_newline_is_not_a_period(code):
    with pytest.raises(ValueError):
        Period.parse(code)


def test_quarter_has_its_three_months():
    quarter = Period.parse("2019-Q2")
    assert quarter.is_quarter
    assert [m.code for m in quarter.months] == ["2019-04", "2019-05", "2019-06"]
    assert [p.code for p in quarter.with_months()] == ["2019-Q2", "2019-04", "2019-05", "2019-06"]
    assert quarter.months[0].start == quarter.start and quarter.months[-1].end == quarter.end


def test_month_and_year_have_no_months():
    assert Period.parse("2019-04").months == []
    assert Period.parse("2019").months == []
    assert not Period.parse("2019").is_quarter
    assert [p.code for p in Period.parse("2019").with_months()] == ["2019"]


def test_quarter_of_a_day():
    assert Period.quarter_of(D(2019, 3, 31)).code == "2019-Q1"
    assert Period.quarter_of(D(2019, 4, 1)).code == "2019-Q2"
    assert Period.quarter_of(D(2019, 12, 31)).code == "2019-Q4"


def test_previous_quarters_oldest_first_across_years():
    assert [q.code for q in Period.parse("2019-Q2").previous_quarters(3)] == ["2018-Q3", "2018-Q4", "2019-Q1"]
    assert [q.code for q in Period.parse("2019-Q1").previous_quarters(1)] == ["2018-Q4"]
    assert [q.code for q in Period.parse("2020-Q1").previous_quarters(5)] == [
        "2018-Q4", "2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"]
    assert Period.parse("2019-Q3").previous_quarters(0) == []


def test_expand_adds_months_of_quarters_without_duplicates():
    codes = [p.code for p in expand(["2019-Q1", "2019-02", Period.parse("2018"), "2019-Q1"])]
    assert codes == ["2019-Q1", "2019-01", "2019-02", "2019-03", "2018"]


def test_expand_refuses_malformed_codes():
    with pytest.raises(ValueError):
        expand(["2019-Q1", "2019-Q9"])
