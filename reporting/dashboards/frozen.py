"""Frozen figures on the dashboards: whether a period is frozen (by whom, when) and its
key figures "vastgesteld" next to "actueel", with the differences marked; and the
revisions page (every changed team figure of the latest version)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cases.models import Team
from reporting.dashboards.common import KPI_KEYS, MEASURES, ORGANISATION_KEYS, Cell, Measure, Rows, format_number
from reporting.freezing import Revision, latest_version, revisions
from reporting.indicators.labels import decimals_of, indicator_label
from reporting.models import FrozenRow, FrozenVersion, IndicatorRow
from reporting.periods import Period


@dataclass(frozen=True)
class ComparedFigure:
    team: str  # the team's name, or the municipality
    measure: Measure
    frozen: Cell
    current: Cell

    @property
    def changed(self) -> bool:
        return self.frozen.value != self.current.value


@dataclass
class FrozenStatus:
    period: Period
    version: FrozenVersion | None
    figures: list[ComparedFigure] = field(default_factory=list)

    @property
    def changed_count(self) -> int:
        return sum(f.changed for f in self.figures)


def frozen_status(period: Period, team: Team | None) -> FrozenStatus:
    """For a team's dashboard (``team``) its key figures; for the organisation overview
    (``team`` None) every team's and the municipality's. One query when the period was never
    frozen, three when it was (the version, its rows, the current rows)."""
    version = latest_version(period)
    status = FrozenStatus(period, version)
    if version is None:
        return status
    measures = [MEASURES[key] for key in (KPI_KEYS if team else ORGANISATION_KEYS)]
    indicators = [m.indicator for m in measures]
    frozen = Rows((period.code, t, i, d, v, c) for t, i, d, v, c in FrozenRow.objects.filter(
        version=version, dimension="", indicator__in=indicators,
    ).values_list("team_id", "indicator", "dimension", "value", "count"))
    current = Rows.load(IndicatorRow.objects.filter(period=period.code, dimension="", indicator__in=indicators))
    teams = [(team.pk, team.name)] if team else [
        *Team.objects.order_by("name", "pk").values_list("pk", "name"), (None, _("Municipality (all teams)"))]
    status.figures = [
        ComparedFigure(name, m, m.cell(frozen.get(period.code, pk, m.indicator)),
                       m.cell(current.get(period.code, pk, m.indicator)))
        for pk, name in teams for m in measures
    ]
    return status


@dataclass(frozen=True)
class RevisionLine:
    revision: Revision
    team_name: str
    linked: bool  # the user may open the dossiers behind it (a member of that team)

    @property
    def indicator(self) -> str:
        return indicator_label(self.revision.indicator)

    def _shown(self, value, exists: bool) -> str:
        if not exists:
            return _("no figure")
        unit = "%" if self.revision.indicator.endswith("_pct") else ""
        return format_number(value, decimals_of(self.revision.indicator, value), unit)

    @property
    def frozen(self) -> str:
        return self._shown(self.revision.frozen_value, self.revision.frozen_exists)

    @property
    def current(self) -> str:
        return self._shown(self.revision.current_value, self.revision.current_exists)


def revision_lines(version: FrozenVersion, *, team_ids, member_of) -> list[RevisionLine]:
    """The revisions of ``version`` for the teams ``team_ids`` (None: all teams); a line links
    to the dossiers only for teams in ``member_of``."""
    names = dict(Team.objects.values_list("pk", "name"))
    municipality = _("Municipality (all teams)")
    lines = [
        RevisionLine(r, names.get(r.team_id, municipality) if r.team_id else municipality,
                     r.team_id is not None and r.team_id in member_of)
        for r in revisions(version, team_ids=team_ids)
    ]
    # A difference smaller than the figure is shown with ("1,50 → 1,50") is no change to a reader.
    return [line for line in lines if line.frozen != line.current]
