"""The organisation overview: all teams side by side for a quarter, a half-year or a year,
with the all-teams row."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from cases.models import Team
from reporting.dashboards.common import (
    MEASURES,
    ORGANISATION_KEYS,
    Cell,
    Measure,
    Rows,
    is_computed,
)
from reporting.dashboards.overview_periods import OverviewNavigation, choice_periods, overview_navigation
from reporting.dashboards.wmo_toegang import CostTable, cost_table
from reporting.models import IndicatorRow, PeriodComputation
from reporting.periods import Period


@dataclass
class OverviewRow:
    team: Team | None  # None: all teams (gemeente)
    cells: list[Cell]

    @property
    def name(self) -> str:
        return self.team.name if self.team else _("Municipality (all teams)")

    @property
    def code(self) -> str:
        return self.team.code if self.team else ""


@dataclass
class Overview:
    period: Period
    navigation: OverviewNavigation
    computation: PeriodComputation | None
    measures: list[Measure]
    rows: list[OverviewRow]
    total: OverviewRow | None
    sort: str
    descending: bool
    cost: CostTable = field(default_factory=CostTable)  # Wmo toegang: maatwerk granted per team and category

    @property
    def ready(self) -> bool:
        return is_computed(self.computation)

    @property
    def all_rows(self) -> list[OverviewRow]:
        """The rows of the downloads: the teams, then the municipality."""
        return [*self.rows, self.total] if self.total else []


def organisation_overview(period: Period, *, today: dt.date, sort: str = "team", descending: bool = False) -> Overview:
    kinds = choice_periods(period, today)
    choices = {period.code, *(p.code for periods in kinds.values() for p in periods)}
    computations = {c.period: c for c in PeriodComputation.objects.filter(period__in=choices)}
    measures = [MEASURES[key] for key in ORGANISATION_KEYS]
    overview = Overview(period, overview_navigation(period, today, kinds, computations), computations.get(period.code),
                        measures, [], None, sort if sort in ("team", *ORGANISATION_KEYS) else "team", descending)
    if not overview.ready:
        return overview
    teams = list(Team.objects.order_by("name", "pk").only("pk", "code", "name"))
    rows = Rows.load(IndicatorRow.objects.filter(
        Q(dimension="", indicator__in=[m.indicator for m in measures]) | Q(indicator="maatwerk_cost_granted"),
        period=period.code,
    ))
    overview.cost = cost_table(rows, period.code, teams)
    overview.rows = [
        OverviewRow(team, [m.cell(rows.get(period.code, team.pk, m.indicator)) for m in measures]) for team in teams
    ]
    overview.total = OverviewRow(None, [m.cell(rows.get(period.code, None, m.indicator)) for m in measures])
    if overview.sort != "team":
        index = ORGANISATION_KEYS.index(overview.sort)
        present = [r for r in overview.rows if r.cells[index].value is not None]
        missing = [r for r in overview.rows if r.cells[index].value is None]
        present.sort(key=lambda r: r.cells[index].value, reverse=descending)
        overview.rows = present + missing  # no figure: last, either way
    elif descending:
        overview.rows.reverse()
    return overview
