import django_filters
from django import forms
from django.db.models import F

from cases.models import Team
from reporting.indicators.catalogue import INDICATOR_CODES
from reporting.models import IndicatorRow
from reporting.periods import Period

# The documented form of ``period`` (OpenAPI): exactly what Period.parse accepts (years 1900-2999).
PERIOD_PATTERN = r"^(19|2[0-9])[0-9]{2}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$"
TEAM_PATTERN = r"^[-a-zA-Z0-9_]+$"


class PeriodField(forms.CharField):
    """Parses the period once: the cleaned value is a ``Period``, used for filtering,
    file names and the computed-or-not signal alike. Not stripped: ``2019-Q2\\n`` is
    not a period."""

    def __init__(self, *args, **kwargs):
        kwargs["strip"] = False
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return Period.parse(value)
        except ValueError as error:
            raise forms.ValidationError(
                "Geen geldige periode: gebruik JJJJ, JJJJ-Hn, JJJJ-Qn of JJJJ-MM (bijvoorbeeld 2019-Q2).",
                code="invalid",
            ) from error


class PeriodFilter(django_filters.CharFilter):
    field_class = PeriodField

    def filter(self, qs, value):
        return qs if value is None else qs.filter(period=value.code)


class TeamField(forms.CharField):
    """A known team code, or ``none``; an unknown code is an error, not an empty answer, and
    so is an empty one (``team=``: the documented pattern needs a character)."""

    def to_python(self, value):
        if value is not None and not str(value).strip():
            raise forms.ValidationError("Geef een teamcode, of none voor alle teams samen.", code="blank")
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value and value != "none" and not Team.objects.filter(code=value).exists():
            raise forms.ValidationError("Onbekende teamcode.", code="unknown")


class TeamFilter(django_filters.CharFilter):
    field_class = TeamField


def _indicator_choices():
    """A callable, not a list: every request's FilterSet and form deep-copy their fields, and
    copying 80 choices was a quarter of a cached page's CPU time."""
    return [(code, code) for code in INDICATOR_CODES]


class IndicatorRowFilter(django_filters.FilterSet):
    period = PeriodFilter(required=True,
                          help_text="A quarter (2019-Q2), month (2019-04), half-year (2019-H1) or year (2019).")
    team = TeamFilter(method="filter_team", help_text="A team code, or `none` for the all-teams rows.")
    indicator = django_filters.MultipleChoiceFilter(
        field_name="indicator", choices=_indicator_choices,
        help_text="Indicator code; repeat the parameter for several.",
    )
    dimension = django_filters.CharFilter(field_name="dimension")

    class Meta:
        model = IndicatorRow
        fields = ["period", "team", "indicator", "dimension"]

    def filter_team(self, queryset, name, value):
        if value == "none":
            return queryset.filter(team__isnull=True)
        return queryset.filter(team__code=value)


def ordered(queryset):
    """All-teams rows first, then teams by code; a stable order for pagination."""
    return queryset.select_related("team").order_by(
        F("team__code").asc(nulls_first=True), "indicator", "dimension", "id"
    )
