"""The filters and sorting of the dossier lists (django-filter): status, worker, referrer,
registration dates, a search on name or BSN (BSNs are masked in the access log), and the
columns a list may be sorted on."""

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from cases.forms import DateInput, WorkerChoiceField, workers_of
from cases.models import Dossier, DossierMember


class _ListedChoices(ModelChoiceIterator):
    """The options from one plain query. Django's own reads them with ``.iterator()``, which
    on PostgreSQL is a server-side cursor (DECLARE, FETCH, CLOSE): three round trips on every
    list page for a few dozen names (issue 32)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class _WorkerField(WorkerChoiceField):
    iterator = _ListedChoices


class WorkerFilter(django_filters.ModelChoiceFilter):
    field_class = _WorkerField


class DossierFilterForm(forms.Form):
    def clean(self):
        data = super().clean() or {}
        start, end = data.get("registered_from"), data.get("registered_to")
        if start and end and start > end:
            self.add_error("registered_to", _("This date lies before the 'registered from' date (%(date)s): "
                                              "no dossier can match. Swap the dates.")
                           % {"date": start.strftime("%d-%m-%Y")})
        return data


# Sortable columns of the dossier list: ?sort=<key> (ascending) or ?sort=-<key>; the
# dossier number breaks ties, so pages stay stable.
SORTS = {
    "number": [F("id")],
    "registered_on": [F("registered_on"), F("id")],
    "lead_worker": [F("lead_worker__first_name"), F("lead_worker__last_name"), F("lead_worker__username"), F("id")],
    "support_started_on": [F("support_started_on"), F("id")],
}


def _ordering(key: str):
    descending = key.startswith("-")
    fields = SORTS[key.lstrip("-")]
    return [f.desc(nulls_last=True) if descending else f.asc(nulls_last=True) for f in fields]


class DossierFilter(django_filters.FilterSet):
    STATUS_CHOICES = [
        ("open", _("open")),
        ("wachtend", _("waiting for support")),
        ("lopend", _("support ongoing")),
        ("gesloten", _("closed")),
        ("alle", _("all")),
    ]

    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_status", empty_label=None
    )
    worker = WorkerFilter(label=_("Worker"), queryset=None, method="filter_worker")
    registered_from = django_filters.DateFilter(
        label=_("Registered from"), field_name="registered_on", lookup_expr="gte", widget=DateInput()
    )
    registered_to = django_filters.DateFilter(
        label=_("Registered up to"), field_name="registered_on", lookup_expr="lte", widget=DateInput()
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), method="filter_sort", widget=forms.HiddenInput,
        choices=[(key, key) for name in SORTS for key in (name, f"-{name}")],
    )

    class Meta:
        model = Dossier
        form = DossierFilterForm
        fields: list[str] = []

    def __init__(self, data=None, *args, team_ids=(), **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("status", "open")
        super().__init__(data, *args, **kwargs)
        # the names the options show, not every column of the user (its password hash among them)
        self.filters["worker"].queryset = workers_of(team_ids).only("id", "username", "first_name", "last_name")

    @property
    def is_search(self) -> bool:
        return bool(self.form.is_valid() and self.form.cleaned_data.get("q"))

    def search(self, queryset, name, value):
        value = value.strip()
        members = DossierMember.objects.filter(dossier=OuterRef("pk"))
        match = Q(client__family_name__icontains=value) | Q(client__given_name__icontains=value)
        compact = value.replace(" ", "").upper()
        if compact.isdigit() and len(compact) == 9:
            match |= Q(client__bsn=compact)
        if len(compact) == 6 and compact[:4].isdigit():
            match |= Q(client__postcode=compact)
        by_dossier = Q(ref=value)
        if value.isdigit() and len(value) < 12:
            by_dossier |= Q(pk=int(value))
        return queryset.filter(by_dossier | Exists(members.filter(match)))

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(closed_on__isnull=True)
        if value == "wachtend":
            return queryset.filter(closed_on__isnull=True, support_started_on__isnull=True)
        if value == "lopend":
            return queryset.filter(closed_on__isnull=True, support_started_on__isnull=False)
        if value == "gesloten":
            return queryset.filter(closed_on__isnull=False)
        return queryset

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*_ordering(value))

    def filter_worker(self, queryset, name, value):
        return queryset.involving(value)
