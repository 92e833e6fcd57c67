"""Every stored figure of a period, for the organisation overview's downloads: all
indicator rows of every family (v1 and the v2 families "Clients and duration", "ZRM
development in detail", plan, journal, registration lag) with their dimensions, per team
and for the municipality, in one query."""

from django.db.models import F
from django.utils.translation import gettext as _

from reporting.models import IndicatorRow
from reporting.periods import Period


def header() -> list[str]:
    return [_("Team"), _("Team code"), _("Indicator"), _("Dimension"), _("Value"), _("Count")]


def period_figures(period: Period) -> list[tuple]:
    """(team name, team code, indicator, dimension, value, count): the teams by name, then the
    municipality (team code empty), each by indicator and dimension."""
    municipality = _("Municipality (all teams)")
    rows = IndicatorRow.objects.filter(period=period.code).order_by(
        F("team__name").asc(nulls_last=True), F("team__code").asc(nulls_last=True), "indicator", "dimension",
    ).values_list("team__name", "team__code", "indicator", "dimension", "value", "count")
    return [(name if code else municipality, code or "", indicator, dimension, value, count)
            for name, code, indicator, dimension, value, count in rows]
