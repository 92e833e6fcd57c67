"""Shared pieces of the dashboards: norms, formatting, the measures shown, the rows of a
page and the quarter navigation."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from reporting.models import PeriodComputation
from reporting.periods import Period

# Norms (one place). First contact (eerste kennismakingsgesprek) within 5 working days
# of the registration for at least 80% of the households.
FIRST_CONTACT_NORM_PCT = 80.0
NORMS = {"first_contact_within_5_working_days_pct": FIRST_CONTACT_NORM_PCT}

# The ZRM table colours a team's figure when it differs from the organisation's by at
# least this much: percentage points for the share "onvoldoende zelfredzaam", steps for
# the mean change.
ZRM_PCT_MARGIN = 5.0
ZRM_CHANGE_MARGIN = 0.1

TREND_QUARTERS = 4  # the chosen quarter is compared with the previous four
PERIOD_CHOICES = 12  # quarters offered in the period select, the current one included

DASH = "–"


def format_number(value: float | None, decimals: int = 0, unit: str = "") -> str:
    """A figure as shown on the pages (Dutch decimal comma when Dutch is active); "–" for none."""
    if value is None:
        return DASH
    rounded = round(value, decimals) or 0.0  # no "-0,0"
    return formats.number_format(rounded, decimal_pos=decimals, use_l10n=True) + unit


def quarter_label(period: Period) -> str:
    return _("Q%(quarter)s %(year)s") % {"quarter": (period.start.month - 1) // 3 + 1, "year": period.start.year}


def month_label(period: Period) -> str:
    return formats.date_format(period.start, "YEAR_MONTH_FORMAT")


class Figure(NamedTuple):
    value: float | None
    count: int


@dataclass(frozen=True)
class Cell:
    """One figure on a page: its value, the number of units it was computed over, and how to show it."""

    value: float | None
    count: int | None = None
    decimals: int = 0
    unit: str = ""

    def __str__(self) -> str:
        return format_number(self.value, self.decimals, self.unit)

    @property
    def sort_value(self) -> str:
        return "" if self.value is None else repr(self.value)

    @property
    def rounded(self) -> float | None:
        return None if self.value is None else round(self.value, self.decimals)


@dataclass(frozen=True)
class Measure:
    key: str  # stable name for sorting and data attributes
    indicator: str
    label: str
    decimals: int = 0
    unit: str = ""

    def cell(self, figure: Figure | None) -> Cell:
        if figure is None:
            return Cell(None, None, self.decimals, self.unit)
        return Cell(figure.value, figure.count, self.decimals, self.unit)

    @property
    def norm(self) -> float | None:
        return NORMS.get(self.indicator)


MEASURES = {
    m.key: m
    for m in [
        Measure("registered", "dossiers_registered", pgettext_lazy("indicator", "Intake")),
        Measure("active", "dossiers_active", pgettext_lazy("indicator", "Ongoing")),
        Measure("closed", "dossiers_closed", pgettext_lazy("indicator", "Outflow")),
        Measure("clients", "clients_active", pgettext_lazy("indicator", "Clients")),
        Measure("waiting_list", "waiting_list", pgettext_lazy("indicator", "Waiting list")),
        Measure("waiting_days", "waiting_days_mean", pgettext_lazy("indicator", "Mean waiting time (days)"), 1),
        Measure("waiting_working_days", "waiting_working_days_mean",
                pgettext_lazy("indicator", "Mean waiting time (working days)"), 1),
        Measure("contact_5wd", "first_contact_within_5_working_days_pct",
                pgettext_lazy("indicator", "First contact within 5 working days"), 1, "%"),
        Measure("according_to_plan", "closed_according_to_plan_pct",
                pgettext_lazy("indicator", "Closed according to plan"), 1, "%"),
        Measure("can_continue", "can_continue_independently_pct",
                pgettext_lazy("indicator", "Can continue independently"), 1, "%"),
        Measure("rating", "client_rating_mean", pgettext_lazy("indicator", "Mean client rating"), 1),
        Measure("referrals", "referrals_granted", pgettext_lazy("indicator", "Referrals granted")),
        Measure("self_referral", "self_referral_pct", pgettext_lazy("indicator", "Self-referrals"), 1, "%"),
        Measure("missing_rating", "missing_rating_pct", pgettext_lazy("indicator", "Closed without a client rating"),
                1, "%"),
        Measure("missing_support_start", "missing_support_start_pct",
                pgettext_lazy("indicator", "Closed without a support start date"), 1, "%"),
        Measure("missing_baseline", "missing_baseline_pct",
                pgettext_lazy("indicator", "Ongoing over 6 weeks without a nulmeting"), 1, "%"),
    ]
}

KPI_KEYS = ["registered", "active", "closed", "waiting_list", "waiting_days", "contact_5wd", "according_to_plan",
            "can_continue", "rating", "referrals"]
TREND_KEYS = KPI_KEYS
ORGANISATION_KEYS = ["registered", "active", "closed", "clients", "waiting_list", "waiting_days",
                     "waiting_working_days", "contact_5wd", "according_to_plan", "can_continue", "rating",
                     "referrals", "self_referral"]


@dataclass(frozen=True)
class QualityKind:
    slug: str  # URL part of the dossier list
    measure: str
    title: str
    description: str


QUALITY_KINDS = {
    q.slug: q
    for q in [
        QualityKind("zonder-rapportcijfer", "missing_rating",
                    gettext_lazy("Closed without a client rating"),
                    gettext_lazy("Dossiers closed in the period without a client rating.")),
        QualityKind("zonder-startdatum", "missing_support_start",
                    gettext_lazy("Closed without a support start date"),
                    gettext_lazy("Dossiers closed in the period without a support start date.")),
        QualityKind("zonder-nulmeting", "missing_baseline",
                    gettext_lazy("Ongoing without a nulmeting"),
                    gettext_lazy("Dossiers ongoing in the period, registered more than %(days)s days before its "
                                 "end, without a nulmeting dated on or before the end.")),
    ]
}

ZRM_INDICATORS = ("zrm_baseline_insufficient_pct", "zrm_change_mean")
# Registration lag and journal contact moments (indicators.md v2): (indicator, dimension, label,
# decimals, unit) per row of the dashboard's data-quality part.
REGISTRATION_ROWS = (
    ("registration_lag_days_mean", "first_contact", gettext_lazy("First contact: days until it was recorded"), 1, ""),
    ("registration_lag_days_mean", "support_started", gettext_lazy("Support start: days until it was recorded"), 1,
     ""),
    ("registration_lag_days_mean", "closed", gettext_lazy("Closure: days until it was recorded"), 1, ""),
    ("support_start_recorded_late_pct", "", gettext_lazy("Support start recorded more than 5 working days late"), 1,
     "%"),
    ("contact_moments", "", gettext_lazy("Contact moments in the journal"), 0, ""),
    ("contact_minutes", "", gettext_lazy("Minutes of contact in the journal"), 0, ""),
)
DETAIL_INDICATORS = (
    "closure_reason", "can_continue_independently", "client_rating", "client_rating_insufficient",
    "client_rating_response_pct", "care_started", *ZRM_INDICATORS,
)
TEAM_INDICATORS = sorted({
    *(MEASURES[k].indicator for k in KPI_KEYS),
    *(MEASURES[q.measure].indicator for q in QUALITY_KINDS.values()),
    "waiting_working_days_mean",
    *DETAIL_INDICATORS,
    *(row[0] for row in REGISTRATION_ROWS),
})


class Rows:
    """The indicator rows of a page, by (period, team id, indicator, dimension)."""

    def __init__(self, values):
        self._data: dict[tuple, Figure] = {}
        self._dimensions: dict[tuple, dict[str, Figure]] = defaultdict(dict)
        for period, team_id, indicator, dimension, value, count in values:
            figure = Figure(value, count)
            self._data[(period, team_id, indicator, dimension)] = figure
            self._dimensions[(period, team_id, indicator)][dimension] = figure

    def get(self, period: str, team_id: int | None, indicator: str, dimension: str = "") -> Figure | None:
        return self._data.get((period, team_id, indicator, dimension))

    def dimensions(self, period: str, team_id: int | None, indicator: str) -> dict[str, Figure]:
        return self._dimensions.get((period, team_id, indicator), {})

    @classmethod
    def load(cls, queryset) -> "Rows":
        return cls(queryset.values_list("period", "team_id", "indicator", "dimension", "value", "count"))


def is_computed(computation: PeriodComputation | None) -> bool:
    return computation is not None and computation.computed_at is not None


@dataclass(frozen=True)
class PeriodChoice:
    code: str
    label: str
    computed: bool
    selected: bool


def quarter_codes_for_choices(selected: Period, current: Period) -> list[Period]:
    """The quarters in the select, newest first: the current one and the ones before it,
    plus the selected one when it lies outside that range."""
    quarters = [current, *reversed(current.previous_quarters(PERIOD_CHOICES - 1))]
    if selected not in quarters:
        quarters.append(selected)
        quarters.sort(key=lambda p: p.start, reverse=True)
    return quarters


def next_quarter(period: Period) -> Period:
    return Period.quarter_of(period.end + dt.timedelta(days=1))


@dataclass
class PeriodNavigation:
    period: Period
    label: str
    choices: list[PeriodChoice]
    previous: Period
    next: Period | None  # none after the current quarter

    @property
    def previous_label(self) -> str:
        return quarter_label(self.previous)

    @property
    def next_label(self) -> str:
        return quarter_label(self.next) if self.next else ""


def navigation(period: Period, current: Period, computations: dict) -> PeriodNavigation:
    choices = [
        PeriodChoice(p.code, quarter_label(p), is_computed(computations.get(p.code)), p == period)
        for p in quarter_codes_for_choices(period, current)
    ]
    following = next_quarter(period)
    return PeriodNavigation(
        period=period,
        label=quarter_label(period),
        choices=choices,
        previous=period.previous_quarters(1)[0],
        next=following if following.start <= current.start else None,
    )
