"""The collector every indicator family writes into: it turns per-team sums into rows for
every period and team and pools them into the all-teams row, with the spec's rules for
empty cohorts (counts 0, means and percentages null) and dimensions (rows only where the
count is above 0)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

ALL = None  # the all-teams row ("gemeente")


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    period: str
    team_id: int | None
    indicator: str
    dimension: str
    value: float | None
    count: int


class Collector:
    """Collects indicator rows for a set of periods and teams.

    Scalar indicators get a row for every period and team, also when the cohort is
    empty (value 0 for counts, null for means and percentages). Dimensioned
    indicators get a row only for dimensions that occur (count > 0)."""

    def __init__(self, periods: Iterable[str], team_ids: Iterable[int]):
        self.periods = list(periods)
        self.team_ids = list(team_ids)
        self.rows: list[IndicatorValue] = []

    def _add(self, period, team_id, indicator, dimension, value, count):
        self.rows.append(IndicatorValue(period, team_id, indicator, dimension, value, count))

    @staticmethod
    def _pooled(data: dict, size: int) -> dict:
        """Per-team tuples summed per period (and per dimension) into the all-teams tuple."""
        pooled: dict = defaultdict(lambda: (0,) * size)
        for (period, _team, *rest), values in data.items():
            key = (period, ALL, *rest)
            pooled[key] = tuple(a + b for a, b in zip(pooled[key], values, strict=True))
        return pooled

    def counts(self, indicator: str, data: dict, *, dimension: str = "") -> None:
        """data: (period, team) -> n."""
        as_tuples = {key: (n,) for key, n in data.items()}
        pooled = self._pooled(as_tuples, 1)
        for period in self.periods:
            for team in [*self.team_ids, ALL]:
                (n,) = (pooled if team is ALL else as_tuples).get((period, team), (0,))
                self._add(period, team, indicator, dimension, float(n), n)

    def dimension_counts(self, indicator: str, data: dict) -> None:
        """data: (period, team, dimension) -> n; rows only where n > 0."""
        as_tuples = {key: (n,) for key, n in data.items()}
        for (period, team, dimension), (n,) in [*as_tuples.items(), *self._pooled(as_tuples, 1).items()]:
            if n:
                self._add(period, team, indicator, dimension, float(n), n)

    def team_dimension_counts(self, indicator: str, data: dict) -> None:
        """data: (period, team or ALL, dimension) -> n, the all-teams counts included (for
        distinct units that are not the sum of the teams' units); rows only where n > 0."""
        for (period, team, dimension), n in data.items():
            if n:
                self._add(period, team, indicator, dimension, float(n), n)

    def ratios(self, indicator: str, data: dict, *, scale: float = 1.0, dimension: str | None = "") -> None:
        """data: (period, team[, dimension]) -> (numerator, denominator); value = scale * num / den.

        With a fixed ``dimension`` every period and team gets a row (null when the
        denominator is 0); with ``dimension=None`` the keys carry the dimension and
        rows appear only where the denominator is positive."""
        pooled = self._pooled(data, 2)
        if dimension is None:
            for (period, team, dim), (num, den) in [*data.items(), *pooled.items()]:
                if den:
                    self._add(period, team, indicator, dim, scale * num / den, den)
            return
        for period in self.periods:
            for team in [*self.team_ids, ALL]:
                num, den = (pooled if team is ALL else data).get((period, team), (0, 0))
                self._add(period, team, indicator, dimension, scale * num / den if den else None, den)

    def value(self, period, team_id, indicator, value, count, dimension: str = "") -> None:
        self._add(period, team_id, indicator, dimension, value, count)
