"""Every stored figure of a period, for the organisation overview's downloads: all
indicator rows of every family (v1 and the v2 families "Clients and duration", "ZRM
development in detail", plan, journal, registration lag) with their dimensions, per team
and for the municipality, in one query."""

from django.db.models import F
from django.utils.translation import gettext as _

from reporting.freezing import latest_version
from reporting.models import FrozenRow, IndicatorRow
from reporting.periods import Period


def header() -> list[str]:
    return [_("Team"), _("Team code"), _("Indicator"), _("Dimension"), _("Value"), _("Count"), _("Unit"),
            _("Frozen")]


def unit_of(indicator: str) -> str:
    """"%" for a percentage (its value is 0-100), empty for counts, means and ratios."""
    return "%" if indicator.endswith("_pct") else ""


class FrozenState:
    """Whether the figures of a period were frozen (vastgesteld) and whether a figure still has
    its frozen value: "ja", "nee" (never frozen) or "gewijzigd na vaststelling". Two queries
    at most (the latest version, its rows)."""

    def __init__(self, period: Period):
        self.version = latest_version(period)
        self.frozen: dict = {}
        if self.version is not None:
            self.frozen = {(t, i, d): v for t, i, d, v in FrozenRow.objects.filter(version=self.version)
                           .values_list("team__code", "indicator", "dimension", "value")}

    def of(self, team_code: str, indicator: str, dimension: str, value) -> str:
        if self.version is None:
            return _("no")
        key = (team_code or None, indicator, dimension)
        if key in self.frozen and self.frozen[key] == value:
            return _("yes")
        return _("changed since frozen")

    def of_row(self, team_code: str, figures) -> str:
        """One status for a row of (indicator, value) figures: "ja" only when all are as frozen."""
        states = {self.of(team_code, indicator, "", value) for indicator, value in figures}
        return states.pop() if len(states) == 1 else _("changed since frozen")


def period_figures(period: Period) -> list[tuple]:
    """(team name, team code, indicator, dimension, value, count): the teams by name, then the
    municipality (team code empty), each by indicator and dimension."""
    municipality = _("Municipality (all teams)")
    rows = IndicatorRow.objects.filter(period=period.code).order_by(
        F("team__name").asc(nulls_last=True), F("team__code").asc(nulls_last=True), "indicator", "dimension",
    ).values_list("team__name", "team__code", "indicator", "dimension", "value", "count")
    return [(name if code else municipality, code or "", indicator, dimension, value, count)
            for name, code, indicator, dimension, value, count in rows]
