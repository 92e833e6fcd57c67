"""Looking up computed indicator rows in the tests."""

import math

from reporting.compute import compute_rows
from reporting.periods import Period

ALL = None  # the all-teams row ("gemeente")


def compute(*codes: str) -> list:
    """The rows of exactly the given periods (a quarter without its months), not stored."""
    return compute_rows([Period.parse(code) for code in codes])


def _team_id(team):
    return team if team is None or isinstance(team, int) else team.pk


def find(rows, indicator: str, team=ALL, dimension: str = "", period: str | None = None):
    """The one row of ``indicator``/``team``/``dimension`` (in ``period`` when given), or None."""
    team_id = _team_id(team)
    found = [r for r in rows if r.indicator == indicator and r.team_id == team_id and r.dimension == dimension
             and (period is None or r.period == period)]
    periods = {r.period for r in found}
    assert len(found) == len(periods), f"duplicate rows for {indicator}/{team_id}/{dimension!r}: {found}"
    assert period is not None or len(found) <= 1, f"rows of several periods, pass period=: {found}"
    return found[0] if found else None


def row(rows, indicator: str, team=ALL, dimension: str = "", period: str | None = None):
    """Like ``find``, but the row must exist."""
    found = find(rows, indicator, team, dimension, period)
    assert found is not None, (
        f"no row {indicator}/{_team_id(team)}/{dimension!r}"
        + (f" in {period}" if period else "")
        + f"; rows of that indicator: {[r for r in rows if r.indicator == indicator]}"
    )
    return found


def check(rows, indicator: str, team=ALL, dimension: str = "", *, value, count: int, period: str | None = None):
    """Assert the row's value (None, or to 1e-9) and count."""
    found = row(rows, indicator, team, dimension, period)
    if value is None:
        assert found.value is None, f"{indicator}/{dimension!r}: expected null, got {found.value}"
    else:
        assert found.value is not None, f"{indicator}/{dimension!r}: expected {value}, got null"
        assert math.isclose(found.value, value, rel_tol=0, abs_tol=1e-9), (
            f"{indicator}/{_team_id(team)}/{dimension!r}: expected {value}, got {found.value}"
        )
    assert found.count == count, (
        f"{indicator}/{_team_id(team)}/{dimension!r}: expected count {count}, got {found.count}"
    )


def dimensions(rows, indicator: str, team=ALL, period: str | None = None) -> dict[str, tuple]:
    """{dimension: (value, count)} of an indicator for one team."""
    team_id = _team_id(team)
    return {r.dimension: (r.value, r.count) for r in rows
            if r.indicator == indicator and r.team_id == team_id and (period is None or r.period == period)}
