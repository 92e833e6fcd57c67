"""python manage.py freeze_indicators PERIOD [...]: a quarter is frozen with its months,
each period numbered on its own (1, 2, …), the current rows copied exactly."""

import io

import pytest
from django.core.management import CommandError, call_command

from reporting.freezing import COMMAND_USER_NAME, latest_version
from reporting.models import FrozenRow, FrozenVersion, IndicatorRow, PeriodComputation
from reporting.tests.frozen_helpers import computed_rows

MONTHS = ("2019-04", "2019-05", "2019-06")


def freeze(*args) -> str:
    out = io.StringIO()
    call_command("freeze_indicators", *args, stdout=out)
    return out.getvalue()


def test_quarter_frozen_with_its_months(team_a):
    for code in ("2019-Q2", *MONTHS):
        computed_rows(code, [team_a])
    output = freeze("2019-Q2")
    assert "2019-Q2 versie 1 (4 rijen)" in output and "2019-06 versie 1" in output
    versions = FrozenVersion.objects.order_by("period")
    assert [(v.period, v.number, v.frozen_by_name) for v in versions] == [
        (code, 1, COMMAND_USER_NAME) for code in ("2019-04", "2019-05", "2019-06", "2019-Q2")]
    assert len({v.frozen_at for v in versions}) == 1, "one moment for the quarter and its months"
    for code in ("2019-Q2", *MONTHS):
        current = list(IndicatorRow.objects.filter(period=code).with_computed_at().order_by("id").values_list(
            "team_id", "indicator", "dimension", "value", "count", "computed_at"))
        copied = list(FrozenRow.objects.filter(version__period=code).order_by("id").values_list(
            "team_id", "indicator", "dimension", "value", "count", "computed_at"))
        assert copied == current and len(copied) == 4


def test_versions_are_numbered_per_period(team_a):
    for code in ("2019-Q2", *MONTHS, "2019-Q3"):
        computed_rows(code, [team_a])
    freeze("2019-Q2")
    freeze("2019-04")  # a month alone: its own next number
    freeze("2019-Q2", "2019-Q3")
    assert latest_version("2019-Q2").number == 2
    assert latest_version("2019-04").number == 3
    assert latest_version("2019-05").number == 2
    assert latest_version("2019-Q3").number == 1
    assert latest_version("2019-Q1") is None


def test_a_year_is_frozen_alone(team_a):
    computed_rows("2019", [team_a])
    freeze("2019")
    assert list(FrozenVersion.objects.values_list("period", "number")) == [("2019", 1)]


def test_a_period_never_computed_is_computed_first(team_a):
    assert not PeriodComputation.objects.exists()
    freeze("2019-Q2")
    assert set(PeriodComputation.objects.filter(computed_at__isnull=False).values_list("period", flat=True)) == {
        "2019-Q2", *MONTHS}
    version = latest_version("2019-Q2")
    assert version.row_count == IndicatorRow.objects.filter(period="2019-Q2").count() > 0
    assert version.rows.count() == version.row_count


def test_recorded_user(team_a, beleid):
    computed_rows("2019-05", [team_a])
    freeze("2019-05", "--user", "beleid")
    version = latest_version("2019-05")
    assert version.frozen_by == beleid and version.frozen_by_name == beleid.get_full_name()


@pytest.mark.parametrize("args", [("2019-Q5",), ("2019-Q2", "--user", "nobody")])
def test_refused(db, args):
    with pytest.raises(CommandError):
        freeze(*args)
    assert not FrozenVersion.objects.exists()
