"""ZRM instruments for the functional administrator: a new version is data (code, name,
kind, its step labels: five for the ZRM, six for the participatieladder; ordered domains),
added here without code changes. Measurements and scores are personal data and are not
in the admin."""

from django.contrib import admin
from django.db.models import Count

from cases.admin_site import BeheerInline, BeheerModelAdmin
from zrm.models import Domain, DomainStepDescription, Instrument, Step


class StepInline(BeheerInline, admin.TabularInline):
    model = Step
    max_num = 9

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj is not None else 5


class DomainInline(BeheerInline, admin.TabularInline):
    model = Domain
    fields = ["order", "code", "label"]
    ordering = ["order"]

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is not None else 13


@admin.register(Instrument)
class InstrumentAdmin(BeheerModelAdmin):
    list_display = ["code", "name", "kind", "active", "supplement", "domain_count"]
    list_filter = ["kind", "active", "supplement"]
    search_fields = ["code", "name"]
    inlines = [StepInline, DomainInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(domain_count=Count("domains"))

    @admin.display(description=Domain._meta.verbose_name_plural, ordering="domain_count")
    def domain_count(self, obj):
        return obj.domain_count


@admin.register(DomainStepDescription)
class DomainStepDescriptionAdmin(BeheerModelAdmin):
    """The organisation's own criteria text per domain and step (none are shipped)."""

    list_display = ["domain", "instrument", "step"]
    list_filter = ["domain__instrument"]
    list_select_related = ["domain__instrument"]
    search_fields = ["domain__label", "domain__code", "description"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "domain":
            kwargs["queryset"] = Domain.objects.select_related("instrument").order_by("instrument__code", "order")
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "domain":
            field.label_from_instance = lambda domain: f"{domain.instrument.code}: {domain.label}"
        return field

    @admin.display(description=Instrument._meta.verbose_name, ordering="domain__instrument__code")
    def instrument(self, obj):
        return obj.domain.instrument
