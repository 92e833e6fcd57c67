"""The periods of the organisation overview: a quarter, a half-year or a year, with their
Dutch labels ("Q2 2019", "2019 eerste helft", "2019") and the period picker, whose
choices are grouped by kind and whose previous/next links stay within the kind."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from reporting.dashboards.common import PERIOD_CHOICES, PeriodChoice, is_computed, month_label, quarter_label
from reporting.periods import Period

HALF_YEAR_CHOICES = 6  # the current half-year and the five before it
YEAR_CHOICES = 3  # the current year and the two before it


def period_label(period: Period) -> str:
    """How a period is named on the pages: "Q2 2019", "2019 eerste helft", "2019", "april 2019"."""
    if period.is_quarter:
        return quarter_label(period)
    if period.is_half_year:
        if period.start.month == 1:
            return _("%(year)s first half") % {"year": period.start.year}
        return _("%(year)s second half") % {"year": period.start.year}
    if period.is_year:
        return str(period.start.year)
    return month_label(period)


def overview_period(code: str) -> Period:
    """A quarter, half-year or year (``ValueError`` for anything else, a month included)."""
    period = Period.parse(code)
    if not (period.is_quarter or period.is_half_year or period.is_year):
        raise ValueError(f"{code!r} is not a quarter, half-year or year (YYYY-Qn, YYYY-Hn, YYYY)")
    return period


def same_kind_containing(period: Period, day: dt.date) -> Period:
    """The period of ``period``'s kind (quarter, half-year, year) that contains ``day``."""
    if period.is_half_year:
        return Period.parse(f"{day.year}-H{1 if day.month <= 6 else 2}")
    if period.is_year:
        return Period.parse(str(day.year))
    return Period.quarter_of(day)


def previous_of_kind(period: Period, count: int) -> list[Period]:
    """The ``count`` periods of the same kind before ``period``, oldest first."""
    result, day = [], period.start
    for _index in range(count):
        before = same_kind_containing(period, day - dt.timedelta(days=1))
        result.insert(0, before)
        day = before.start
    return result


@dataclass(frozen=True)
class ChoiceGroup:
    label: str
    choices: list[PeriodChoice]


@dataclass
class OverviewNavigation:
    """What ``_overview_period_nav.html`` and ``_computation.html`` need."""

    period: Period
    label: str
    groups: list[ChoiceGroup]
    previous: Period
    next: Period | None  # none after the current period of the kind

    @property
    def team_period(self) -> Period:
        """The quarter a team's dashboard (quarters only) opens on from here: the period's last."""
        return Period.quarter_of(self.period.end)

    @property
    def previous_label(self) -> str:
        return period_label(self.previous)

    @property
    def next_label(self) -> str:
        return period_label(self.next) if self.next else ""


def choice_periods(selected: Period, today: dt.date) -> dict[str, list[Period]]:
    """The periods offered per kind, newest first; the selected one is added where it lies outside."""
    kinds = {}
    for kind, code, count in (("quarter", f"{today.year}-Q{(today.month - 1) // 3 + 1}", PERIOD_CHOICES),
                              ("half_year", f"{today.year}-H{1 if today.month <= 6 else 2}", HALF_YEAR_CHOICES),
                              ("year", str(today.year), YEAR_CHOICES)):
        current = Period.parse(code)
        periods = [current, *reversed(previous_of_kind(current, count - 1))]
        if getattr(selected, f"is_{kind}") and selected not in periods:
            periods.append(selected)
            periods.sort(key=lambda p: p.start, reverse=True)
        kinds[kind] = periods
    return kinds


def overview_navigation(period: Period, today: dt.date, kinds: dict[str, list[Period]],
                        computations: dict) -> OverviewNavigation:
    labels = {"quarter": _("Quarters"), "half_year": _("Half-years"), "year": _("Years")}
    groups = [
        ChoiceGroup(labels[kind], [PeriodChoice(p.code, period_label(p), is_computed(computations.get(p.code)),
                                                p == period) for p in periods])
        for kind, periods in kinds.items()
    ]
    following = same_kind_containing(period, period.end + dt.timedelta(days=1))
    return OverviewNavigation(
        period=period,
        label=period_label(period),
        groups=groups,
        previous=previous_of_kind(period, 1)[0],
        next=following if following.start <= today else None,
    )
