import django_filters
from django import forms
from django.db.models import F

from reporting.indicators.catalogue import INDICATOR_CODES
from reporting.models import IndicatorRow
from reporting.periods import Period


class PeriodField(forms.CharField):
    def validate(self, value):
        super().validate(value)
        try:
            Period.parse(value)
        except ValueError as error:
            raise forms.ValidationError(
                "Geen geldige periode: gebruik JJJJ, JJJJ-Qn of JJJJ-MM (bijvoorbeeld 2019-Q2).", code="invalid"
            ) from error


class PeriodFilter(django_filters.CharFilter):
    field_class = PeriodField


class IndicatorRowFilter(django_filters.FilterSet):
    period = PeriodFilter(required=True, help_text="A quarter (2019-Q2), month (2019-04) or year (2019).")
    team = django_filters.CharFilter(method="filter_team", help_text="A team code, or `none` for the all-teams rows.")
    indicator = django_filters.MultipleChoiceFilter(
        field_name="indicator", choices=[(code, code) for code in INDICATOR_CODES],
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
