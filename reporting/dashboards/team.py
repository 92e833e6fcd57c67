"""The team dashboard: the chosen quarter against the previous four, from the reporting table."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from django.db.models import Q
from django.utils.translation import gettext as _

from cases.models import ClosureReason, Team, YesNoUnknown
from maatwerk.models import Category
from reporting.dashboards import client_voice, clients, front_door, referrers, wmo_toegang, zrm_detail
from reporting.dashboards.clients import ClientsSection
from reporting.dashboards.common import (
    FIRST_CONTACT_NORM_PCT,
    KPI_KEYS,
    MEASURES,
    QUALITY_KINDS,
    REGISTRATION_ROWS,
    TEAM_INDICATORS,
    TREND_KEYS,
    TREND_QUARTERS,
    ZRM_CHANGE_MARGIN,
    ZRM_INDICATORS,
    ZRM_PCT_MARGIN,
    Cell,
    Measure,
    PeriodNavigation,
    QualityKind,
    Rows,
    format_number,
    is_computed,
    month_label,
    navigation,
    quarter_codes_for_choices,
    quarter_label,
)
from reporting.dashboards.front_door import FrontDoorSection
from reporting.dashboards.plan import PLAN_INDICATORS, PlanSection, plan_section
from reporting.dashboards.referrers import ReferrerSection
from reporting.dashboards.zrm_detail import ZrmDetailSection
from reporting.models import IndicatorRow, PeriodComputation
from reporting.periods import Period
from zrm.models import Domain


@dataclass
class Kpi:
    measure: Measure
    team: Cell
    organisation: Cell

    @property
    def norm(self) -> float | None:
        return self.measure.norm

    @property
    def norm_text(self) -> str:
        return format_number(self.norm, 0, "%") if self.norm is not None else ""

    @property
    def meets_norm(self) -> bool | None:
        if self.norm is None or self.team.value is None:
            return None
        return self.team.value >= self.norm


@dataclass
class Column:
    label: str
    computed: bool
    current: bool = False


@dataclass
class TableRow:
    label: str
    cells: list
    key: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class ZrmRow:
    domain: str
    label: str
    insufficient: Cell
    insufficient_organisation: Cell
    insufficient_comparison: dict | None
    change: Cell
    change_organisation: Cell
    change_comparison: dict | None


@dataclass
class QualityFigure:
    kind: QualityKind
    measure: Measure
    team: Cell
    organisation: Cell

    @property
    def concerned(self) -> int | None:
        """How many dossiers the percentage is about (its numerator)."""
        if self.team.value is None or self.team.count is None:
            return None
        return round(self.team.value * self.team.count / 100)


def compare(team: float | None, organisation: float | None, margin: float, *, higher_is_better: bool) -> dict | None:
    """Colour and text of a team figure against the organisation's: ``None`` when either
    is missing, else a class (cell-worse / cell-better / none) with a symbol and words, so
    that colour never carries the meaning alone."""
    if team is None or organisation is None:
        return None
    difference = team - organisation
    if abs(difference) < margin - 1e-9:
        return {"css": "", "symbol": "=", "text": _("about the same as the municipality")}
    higher = difference > 0
    better = higher == higher_is_better
    return {
        "css": "cell-better" if better else "cell-worse",
        "symbol": "▲" if higher else "▼",
        "text": (_("higher than the municipality") if higher else _("lower than the municipality"))
        + ", "
        + (_("favourable") if better else _("unfavourable")),
    }


def _chart(kind: str, labels: list, datasets: list, **options) -> dict:
    return {"type": kind, "labels": [str(label) for label in labels], "datasets": datasets, **options}


def _dataset(label, values, **options) -> dict:
    return {"label": str(label), "data": values, **options}


def _share(count: int, total: int) -> float | None:
    return 100 * count / total if total else None


def _share_row(label, key: str, n: int, n_all: int, total: int, total_all: int) -> TableRow:
    """A team count with its share of ``total``, beside the municipality's share."""
    return TableRow(str(label), [
        Cell(n, None, 0), Cell(_share(n, total), None, 1, "%"), Cell(_share(n_all, total_all), None, 1, "%"),
    ], key=key)


def _share_rows(items, team: dict, municipality: dict, total: int, total_all: int) -> list[TableRow]:
    """One share row per (key, label) of ``items``; ``team`` and ``municipality`` map a
    dimension to its indicator row (absent: 0)."""
    def count(found: dict, key: str) -> int:
        return found[key].count if key in found else 0

    return [_share_row(label, key, count(team, key), count(municipality, key), total, total_all)
            for key, label in items]


@dataclass
class TeamDashboard:
    team: Team
    period: Period
    navigation: PeriodNavigation
    computation: PeriodComputation | None
    current: Period
    current_computation: PeriodComputation | None
    waiting_now: Cell
    ready: bool = False
    kpis: list = field(default_factory=list)
    trend_columns: list = field(default_factory=list)
    trend_rows: list = field(default_factory=list)
    flow: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    contact: list = field(default_factory=list)
    closure: list = field(default_factory=list)
    closed_total: int = 0
    can_continue: list = field(default_factory=list)
    can_continue_pct: Kpi | None = None
    ratings: list = field(default_factory=list)
    rating_mean: Kpi | None = None
    rating_response: Cell | None = None
    rating_insufficient: int = 0
    referrals: list = field(default_factory=list)
    zrm: list = field(default_factory=list)
    quality: list = field(default_factory=list)
    registration: list = field(default_factory=list)
    plan: PlanSection | None = None
    clients: ClientsSection | None = None
    zrm_detail: ZrmDetailSection | None = None
    referrers: ReferrerSection | None = None
    wmo: wmo_toegang.WmoSection | None = None
    front_door: FrontDoorSection | None = None
    voice: client_voice.VoiceSection | None = None
    charts: dict = field(default_factory=dict)

    @property
    def waiting_now_number(self) -> int:
        return int(self.waiting_now.value or 0)

    @property
    def current_label(self) -> str:
        return quarter_label(self.current)

    @property
    def norm_pct(self) -> str:
        return format_number(FIRST_CONTACT_NORM_PCT, 0, "%")

    @property
    def zrm_pct_margin(self) -> str:
        return format_number(ZRM_PCT_MARGIN, 0)

    @property
    def zrm_change_margin(self) -> str:
        return format_number(ZRM_CHANGE_MARGIN, 1)


def zrm_domain_labels() -> dict[str, str]:
    """Domain code -> label, in instrument and domain order (one query)."""
    labels: dict[str, str] = {}
    for code, label in Domain.objects.order_by("instrument__supplement", "instrument__code", "order").values_list(
        "code", "label"
    ):
        labels.setdefault(code, label)
    return labels


def team_dashboard(team: Team, period: Period, *, today: dt.date) -> TeamDashboard:
    current = Period.quarter_of(today)
    trend = [*period.previous_quarters(TREND_QUARTERS), period]
    months = period.months
    needed = {p.code for p in [*trend, *months, current]}
    choices = quarter_codes_for_choices(period, current)
    computations = {
        c.period: c for c in PeriodComputation.objects.filter(period__in=needed | {p.code for p in choices})
    }
    rows = Rows.load(
        IndicatorRow.objects.filter(
            period__in=needed, indicator__in=[*TEAM_INDICATORS, *PLAN_INDICATORS, *SECTION_INDICATORS]
        ).filter(Q(team=team) | Q(team__isnull=True))
    )
    current_computation = computations.get(current.code)
    waiting_now = MEASURES["waiting_list"].cell(
        rows.get(current.code, team.pk, "waiting_list") if is_computed(current_computation) else None
    )
    dashboard = TeamDashboard(
        team=team,
        period=period,
        navigation=navigation(period, current, computations),
        computation=computations.get(period.code),
        current=current,
        current_computation=current_computation,
        waiting_now=waiting_now,
    )
    if not is_computed(dashboard.computation):
        return dashboard
    dashboard.ready = True
    source = Source(rows, period.code, team.pk, trend, months, [quarter_label(p) for p in trend], computations,
                    cache(zrm_domain_labels))
    for build in SECTIONS:
        build(dashboard, source)
    dashboard.charts = source.charts
    return dashboard


@dataclass
class Source:
    """What every section reads: the loaded rows of the period, its trend and its months."""

    rows: Rows
    code: str
    team_id: int
    trend: list
    months: list
    quarter_labels: list
    computations: dict
    domain_labels: Callable[[], dict[str, str]]  # one query, shared by the ZRM and plan sections
    charts: dict = field(default_factory=dict)

    def kpi(self, key: str) -> Kpi:
        measure = MEASURES[key]
        return Kpi(measure, measure.cell(self.rows.get(self.code, self.team_id, measure.indicator)),
                   measure.cell(self.rows.get(self.code, None, measure.indicator)))

    def closed_counts(self) -> tuple[int, int]:
        closed = self.rows.get(self.code, self.team_id, "dossiers_closed")
        closed_all = self.rows.get(self.code, None, "dossiers_closed")
        return (closed.count if closed else 0), (closed_all.count if closed_all else 0)


def _kpis_and_trend(dashboard: TeamDashboard, s: Source) -> None:
    """The key figures, and the chosen quarter against the previous four."""
    dashboard.kpis = [s.kpi(key) for key in KPI_KEYS]
    dashboard.trend_columns = [
        Column(quarter_label(p), is_computed(s.computations.get(p.code)), p == dashboard.period) for p in s.trend
    ]
    dashboard.trend_rows = [
        TableRow(str(MEASURES[key].label),
                 [MEASURES[key].cell(s.rows.get(p.code, s.team_id, MEASURES[key].indicator)) for p in s.trend],
                 key=key)
        for key in TREND_KEYS
    ]


def _flow(dashboard: TeamDashboard, s: Source) -> None:
    """Instroom, lopend, uitstroom per month."""
    flow_keys = ["registered", "active", "closed"]
    dashboard.flow = [
        TableRow(month_label(m),
                 [MEASURES[k].cell(s.rows.get(m.code, s.team_id, MEASURES[k].indicator)) for k in flow_keys])
        for m in s.months
    ]
    s.charts["flow"] = _chart(
        "bar", [month_label(m) for m in s.months],
        [_dataset(MEASURES[k].label, [row.cells[i].value for row in dashboard.flow])
         for i, k in enumerate(flow_keys)],
        yTitle=_("dossiers"), integer=True,
    )


def _waiting(dashboard: TeamDashboard, s: Source) -> None:
    """Waiting time (calendar and working days), per quarter."""
    waiting_keys = ["waiting_days", "waiting_working_days"]
    dashboard.waiting = [
        TableRow(label, [MEASURES[k].cell(s.rows.get(p.code, s.team_id, MEASURES[k].indicator))
                         for k in waiting_keys])
        for label, p in zip(s.quarter_labels, s.trend, strict=True)
    ]
    s.charts["waiting"] = _chart(
        "line", s.quarter_labels,
        [_dataset(_("calendar days"), [row.cells[0].value for row in dashboard.waiting]),
         _dataset(_("working days"), [row.cells[1].value for row in dashboard.waiting])],
        yTitle=_("days"),
    )


def _contact(dashboard: TeamDashboard, s: Source) -> None:
    """First contact within 5 working days against the norm, per quarter."""
    contact = MEASURES["contact_5wd"]
    for label, p in zip(s.quarter_labels, s.trend, strict=True):
        item = Kpi(contact, contact.cell(s.rows.get(p.code, s.team_id, contact.indicator)),
                   contact.cell(s.rows.get(p.code, None, contact.indicator)))
        dashboard.contact.append(TableRow(label, [item.team, item.organisation], extra={"kpi": item}))
    s.charts["contact"] = _chart(
        "bar", s.quarter_labels,
        [_dataset(_("team"), [row.cells[0].value for row in dashboard.contact]),
         _dataset(_("municipality"), [row.cells[1].value for row in dashboard.contact])],
        yTitle="%", max=100,
        norm={"value": FIRST_CONTACT_NORM_PCT, "label": _("norm %(norm)s") % {"norm": dashboard.norm_pct}},
    )


def _closure(dashboard: TeamDashboard, s: Source) -> None:
    """Closure reasons (afsluitreden): team counts and shares against the municipality's shares."""
    dashboard.closed_total, closed_all = s.closed_counts()
    dashboard.closure = _share_rows(
        ClosureReason.choices, s.rows.dimensions(s.code, s.team_id, "closure_reason"),
        s.rows.dimensions(s.code, None, "closure_reason"), dashboard.closed_total, closed_all,
    )
    s.charts["closure"] = _chart(
        "bar", [row.label for row in dashboard.closure],
        [_dataset(_("team"), [row.cells[1].value for row in dashboard.closure]),
         _dataset(_("municipality"), [row.cells[2].value for row in dashboard.closure])],
        yTitle=_("percentage of the closed dossiers"), horizontal=True, max=100,
    )


def _can_continue(dashboard: TeamDashboard, s: Source) -> None:
    """Can continue independently (kan zelfstandig verder)."""
    closed, closed_all = s.closed_counts()
    answers = s.rows.dimensions(s.code, s.team_id, "can_continue_independently")
    answers_all = s.rows.dimensions(s.code, None, "can_continue_independently")
    dashboard.can_continue = _share_rows(YesNoUnknown.choices, answers, answers_all, closed, closed_all)
    not_answered = closed - sum(f.count for f in answers.values())
    not_answered_all = closed_all - sum(f.count for f in answers_all.values())
    dashboard.can_continue.append(_share_row(
        _("not recorded"), "not-recorded", not_answered, not_answered_all, closed, closed_all
    ))
    dashboard.can_continue_pct = s.kpi("can_continue")
    s.charts["can_continue"] = _chart(
        "bar", [row.label for row in dashboard.can_continue],
        [_dataset(_("team"), [row.cells[0].value for row in dashboard.can_continue])],
        yTitle=_("closed dossiers"), integer=True,
    )


def _ratings(dashboard: TeamDashboard, s: Source) -> None:
    """Client ratings (rapportcijfer) 1-10."""
    ratings = s.rows.dimensions(s.code, s.team_id, "client_rating")
    ratings_all = s.rows.dimensions(s.code, None, "client_rating")
    rated_all = sum(f.count for f in ratings_all.values())
    rated = sum(f.count for f in ratings.values())
    dashboard.ratings = _share_rows(
        [(str(step), str(step)) for step in range(1, 11)], ratings, ratings_all, rated, rated_all
    )
    dashboard.rating_mean = s.kpi("rating")
    response = s.rows.get(s.code, s.team_id, "client_rating_response_pct")
    dashboard.rating_response = Cell(response.value if response else None, response.count if response else None, 1,
                                     "%")
    insufficient = s.rows.get(s.code, s.team_id, "client_rating_insufficient")
    dashboard.rating_insufficient = insufficient.count if insufficient else 0
    s.charts["rating"] = _chart(
        "bar", [row.label for row in dashboard.ratings],
        [_dataset(_("team"), [row.cells[0].value for row in dashboard.ratings])],
        yTitle=_("ratings"), xTitle=_("client rating"), integer=True,
    )


def _referrals(dashboard: TeamDashboard, s: Source) -> None:
    """Referrals granted and care started, by category."""
    granted = s.rows.dimensions(s.code, s.team_id, "referrals_granted")
    started = s.rows.dimensions(s.code, s.team_id, "care_started")
    for category in Category:
        dim = f"category:{category.value}"
        dashboard.referrals.append(TableRow(str(category.label), [
            Cell(granted[dim].count if dim in granted else 0), Cell(started[dim].count if dim in started else 0)
        ], key=category.value))
    total_granted = s.rows.get(s.code, s.team_id, "referrals_granted")
    total_started = s.rows.get(s.code, s.team_id, "care_started")
    dashboard.referrals.append(TableRow(_("total"), [
        Cell(total_granted.count if total_granted else None), Cell(total_started.count if total_started else None)
    ], key="total"))
    s.charts["referrals"] = _chart(
        "bar", [row.label for row in dashboard.referrals[:-1]],
        [_dataset(_("granted"), [row.cells[0].value for row in dashboard.referrals[:-1]]),
         _dataset(_("care started"), [row.cells[1].value for row in dashboard.referrals[:-1]])],
        yTitle=_("referrals"), integer=True,
    )


def _zrm(dashboard: TeamDashboard, s: Source) -> None:
    """ZRM: share onvoldoende zelfredzaam at intake and mean change, per domain, against the municipality."""
    code, team_id, rows = s.code, s.team_id, s.rows
    present = set()
    for indicator in ZRM_INDICATORS:
        present |= set(rows.dimensions(code, team_id, indicator)) | set(rows.dimensions(code, None, indicator))
    if not present:
        return
    labels = s.domain_labels()
    for domain in [d for d in labels if d in present] + sorted(present - set(labels)):
        low, low_all = (rows.get(code, t, "zrm_baseline_insufficient_pct", domain) for t in (team_id, None))
        change, change_all = (rows.get(code, t, "zrm_change_mean", domain) for t in (team_id, None))
        low_cell, low_all_cell = Cell(*(low or (None, None)), 1, "%"), Cell(*(low_all or (None, None)), 1, "%")
        change_cell, change_all_cell = Cell(*(change or (None, None)), 2), Cell(*(change_all or (None, None)), 2)
        dashboard.zrm.append(ZrmRow(
            domain, labels.get(domain, domain),
            low_cell, low_all_cell,
            compare(low_cell.value, low_all_cell.value, ZRM_PCT_MARGIN, higher_is_better=False),
            change_cell, change_all_cell,
            compare(change_cell.value, change_all_cell.value, ZRM_CHANGE_MARGIN, higher_is_better=True),
        ))


def _quality(dashboard: TeamDashboard, s: Source) -> None:
    """Data quality (registratiediscipline), then registration lag and contact moments."""
    for kind in QUALITY_KINDS.values():
        measure = MEASURES[kind.measure]
        dashboard.quality.append(QualityFigure(
            kind, measure, measure.cell(s.rows.get(s.code, s.team_id, measure.indicator)),
            measure.cell(s.rows.get(s.code, None, measure.indicator)),
        ))
    for indicator, dimension, label, decimals, unit in REGISTRATION_ROWS:
        cells = [Cell(f.value, f.count, decimals, unit) if f else Cell(None, None, decimals, unit)
                 for f in (s.rows.get(s.code, s.team_id, indicator, dimension),
                           s.rows.get(s.code, None, indicator, dimension))]
        dashboard.registration.append(TableRow(str(label), cells, key=f"{indicator}:{dimension}".rstrip(":")))


def _plan(dashboard: TeamDashboard, s: Source) -> None:
    """Plan en inzet: agreed plans, goals, support by kanteling, network."""
    dashboard.plan, s.charts["kanteling"] = plan_section(s.rows, s.code, s.team_id, s.domain_labels)


# One builder per section of the page, in the page's order.
SECTIONS = (_kpis_and_trend, _flow, _waiting, _contact, referrers.build, clients.build, _closure, _can_continue,
            _ratings, _referrals, _zrm, zrm_detail.build, _quality, _plan, wmo_toegang.build, front_door.build,
            client_voice.build)
SECTION_INDICATORS = (*clients.CLIENT_INDICATORS, *zrm_detail.ZRM_DETAIL_INDICATORS, *referrers.REFERRER_INDICATORS,
                      *wmo_toegang.WMO_INDICATORS, *front_door.FRONT_DOOR_INDICATORS, *client_voice.VOICE_INDICATORS)
