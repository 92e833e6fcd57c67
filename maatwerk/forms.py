"""Forms for referrals. They only collect input; the rules are in ``maatwerk.services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import date_field
from cases.models import Client
from maatwerk.allocation import Allocation
from maatwerk.models import Category, Form, IwmoFrequency, Melding, ObjectionOutcome, Product, Provider, Status

# iWmo RedenWijziging a worker may choose when care ends early (the others follow from the change)
EARLY_END_REASONS = [
    ("05", _("reassessment: shorter allocation")),
    ("02", _("the client died")),
    ("06", _("moved to another domain")),
    ("07", _("moved to another municipality")),
    ("09", _("moved to another provider")),
]


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class ProviderSelect(forms.Select):
    """Each provider option says which products it offers (``data-products``), so the page
    narrows the list to the chosen product (maatwerk/referral_form.js)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-products"] = " ".join(str(p.pk) for p in instance.products.all())
        return option


class ReferralForm(forms.Form):
    client = MemberChoiceField(label=_("Member"), queryset=Client.objects.none())
    product = forms.ModelChoiceField(label=_("Maatwerk provision"), queryset=Product.objects.none())
    provider = forms.ModelChoiceField(
        label=_("Provider"), queryset=Provider.objects.none(), widget=ProviderSelect,
        help_text=_("The provider must offer the chosen provision; see the overview below the form."),
    )
    form = forms.ChoiceField(label=_("Form"), choices=Form.choices, widget=forms.RadioSelect, initial=Form.IN_KIND)
    requested_on = date_field(_("Requested on"), initial_today=True)
    melding = forms.ModelChoiceField(label=_("Wmo melding"), queryset=Melding.objects.none(), required=False,
                                     help_text=_("The melding whose onderzoek led to this aanvraag, if any."))
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["melding"].queryset = Melding.objects.filter(dossier=dossier).order_by("-melding_on")
        members = Client.objects.filter(memberships__dossier=dossier).order_by("memberships__id")
        self.fields["client"].queryset = members
        if len(members) == 1:
            self.fields["client"].initial = members[0].pk
        products = Product.objects.filter(active=True).order_by("category", "name")
        self.fields["product"].queryset = products
        self.fields["product"].choices = self._grouped(products)
        providers = Provider.objects.filter(active=True).prefetch_related("products")
        self.fields["provider"].queryset = providers
        chosen = self.data.get(self.add_prefix("product")) if self.is_bound else None
        if chosen and str(chosen).isdigit():
            # Shown after a round trip: the chosen product's providers (and what was picked, so nothing is lost);
            # validation stays with the service, which names what the provider does not offer.
            picked = self.data.get(self.add_prefix("provider"))
            self.fields["provider"].widget.choices = [
                choice for choice in self.fields["provider"].choices
                if not choice[0] or str(choice[0]) == str(picked)
                or any(p.pk == int(chosen) for p in choice[0].instance.products.all())
            ]

    @staticmethod
    def _grouped(products):
        """Products grouped by category, in the order of the categories."""
        groups = {value: [] for value in Category.values}
        for product in products:
            groups.setdefault(product.category, []).append((product.pk, product.name))
        labels = dict(Category.choices)
        return [("", "---------")] + [(labels.get(cat, cat), items) for cat, items in groups.items() if items]


class DecideForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[(s.value, s.label) for s in (Status.GRANTED, Status.REJECTED, Status.WITHDRAWN)],
        widget=forms.RadioSelect,
    )
    decided_on = date_field(
        _("Decided on"), required=False, initial_today=True,
        help_text=_("The date of the decision (beschikking); for a withdrawal the date it was withdrawn."),
    )
    reasons = forms.CharField(
        label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why this decision: the client reads this in the beschikking."),
    )
    volume = forms.IntegerField(label=_("Volume"), required=False, min_value=1, max_value=99_999_999,
                                help_text=_("On granting: how much care, in the unit of the product."))
    frequency = forms.ChoiceField(label=_("Frequency"), required=False,
                                  choices=[("", "---------"), *IwmoFrequency.choices])
    starts_on = date_field(_("Care starts on"), required=False)
    ends_on = date_field(_("Care ends on"), required=False,
                         help_text=_("Leave empty when the end is not known yet."))

    def clean(self):
        data = super().clean()
        if data.get("status") in (Status.GRANTED, Status.REJECTED) and not (data.get("reasons") or "").strip():
            self.add_error("reasons", _("Write the reasons: the client reads them in the beschikking."))
        return data

    def allocation(self) -> Allocation:
        data = self.cleaned_data
        return Allocation(data.get("volume"), data.get("frequency") or "", data.get("starts_on"), data.get("ends_on"))


class CarePeriodForm(forms.Form):
    starts_on = date_field(_("Care starts on"))
    ends_on = date_field(
        _("Care ends on"), required=False,
        help_text=_("Leave empty when the end is not known yet. Planned dates may lie in the future."),
    )
    volume = forms.IntegerField(label=_("Volume"), required=False, min_value=1, max_value=99_999_999)
    frequency = forms.ChoiceField(label=_("Frequency"), required=False,
                                  choices=[("", "---------"), *IwmoFrequency.choices])
    end_reason = forms.ChoiceField(
        label=_("Reason of an early end"), required=False, choices=[("", "---------"), *EARLY_END_REASONS],
        help_text=_("Only when the care ends earlier than granted: the provider receives this reason."),
    )
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Why the allocation changes: the client reads this in the new letter."))

    def allocation(self) -> Allocation:
        data = self.cleaned_data
        return Allocation(data.get("volume"), data.get("frequency") or "", data.get("starts_on"), data.get("ends_on"))


class ObjectionForm(forms.Form):
    objected = forms.BooleanField(label=_("The client lodged an objection (bezwaar)"), required=False)
    objection_outcome = forms.ChoiceField(
        label=_("Outcome of the objection"), choices=[("", "---------"), *ObjectionOutcome.choices], required=False,
        help_text=_("Leave empty while the objection is pending."),
    )


class RedecideForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New decision"), choices=[(s.value, s.label) for s in (Status.GRANTED, Status.REJECTED)],
        widget=forms.RadioSelect,
    )
    decided_on = date_field(_("Decided on"), initial_today=True, help_text=_("The date of the new decision."))
