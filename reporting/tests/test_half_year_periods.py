"""Half-years YYYY-H1 / YYYY-H2 are periods: their bounds, and computing one computes only
the half-year (not its quarters or months); a year only the year."""

import datetime as dt

import pytest

from reporting.compute import compute_periods, expand
from reporting.models import PeriodComputation
from reporting.periods import Period

D = dt.date


@pytest.mark.parametrize(("code", "start", "end"), [
    ("2019-H1", D(2019, 1, 1), D(2019, 6, 30)),
    ("2019-H2", D(2019, 7, 1), D(2019, 12, 31)),
    ("2020-H1", D(2020, 1, 1), D(2020, 6, 30)),
])
def test_half_year_bounds(code, start, end):
    period = Period.parse(code)
    assert (period.start, period.end, period.code, period.is_half_year, period.is_quarter) == (
        start, end, code, True, False)
    assert period.months == []


@pytest.mark.parametrize("code", ["2019-H0", "2019-H3", "2019-h1", "2019H1", "2019-H1\n", "2019-H12", "٢٠١٩-H1"])
def test_malformed_half_years(code):
    with pytest.raises(ValueError, match="is not a period"):
        Period.parse(code)


def test_a_half_year_and_a_year_are_computed_alone(db):
    assert [p.code for p in expand(["2019-H1", "2019"])] == ["2019-H1", "2019"]
    assert set(compute_periods(["2019-H2"])) == {"2019-H2"}
    assert list(PeriodComputation.objects.values_list("period", flat=True)) == ["2019-H2"]


def test_the_api_serves_a_half_year(client, api_token, db):
    compute_periods(["2019-H1"])
    response = client.get("/api/v1/indicators", {"period": "2019-H1", "indicator": "dossiers_active"},
                          HTTP_AUTHORIZATION=f"Token {api_token}")
    assert response.status_code == 200, response.content
    assert response["Period-Status"] == "computed"
    assert [(r["period"], r["team"]) for r in response.json()["results"]] == [("2019-H1", None)]
    download = client.get("/api/v1/indicators.csv", {"period": "2019-H2"}, HTTP_AUTHORIZATION=f"Token {api_token}")
    assert download.status_code == 200
    assert 'filename="indicatoren-2019-H2.csv"' in download["Content-Disposition"]
    schema = client.get("/api/v1/openapi.json").json()
    parameter = next(p for p in schema["paths"]["/api/v1/indicators"]["get"]["parameters"] if p["name"] == "period")
    assert "H[12]" in parameter["schema"]["pattern"]
