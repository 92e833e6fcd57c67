"""Forms of the Wmo toegang pages. They collect input; the rules are in the services."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import date_field
from cases.models import Client
from maatwerk.models import IwmoFrequency
from toegang.models import RefusalReason, RequestStatus


class MemberChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Client) -> str:
        return obj.display_name


class MeldingForm(forms.Form):
    client = MemberChoiceField(label=_("Member"), queryset=Client.objects.none(), required=False,
                               help_text=_("Empty: the household as a whole."))
    melding_on = date_field(_("Melding received on"), initial_today=True)

    def __init__(self, *args: Any, dossier: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Client.objects.filter(memberships__dossier=dossier).order_by("memberships__id")
        self.fields["client"].queryset = members  # type: ignore[attr-defined]


class VerslagForm(forms.Form):
    verslag = forms.CharField(label=_("Report of the onderzoek"), required=False,
                              widget=forms.Textarea(attrs={"rows": 10}),
                              help_text=_("What was talked about and found; the client receives this text."))
    verslag_on = date_field(_("Given to the client on"), required=False,
                            help_text=_("Fill in when the client received the report (in Mijn buurtteam or on "
                                        "paper); after that it can no longer be changed."))


class RemarksForm(forms.Form):
    remarks = forms.CharField(label=_("Remarks of the client (received on paper)"),
                              widget=forms.Textarea(attrs={"rows": 5}))
    on = date_field(_("Received on"), initial_today=True)


class DecideRequestForm(forms.Form):
    status = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        (RequestStatus.GRANTED, _("grant (the provider receives a 301)")),
        (RequestStatus.INVESTIGATED, _("take into onderzoek (the provider receives a 319)")),
        (RequestStatus.REFUSED, _("refuse (the provider receives a 319 with the reason)")),
    ])
    refusal_reason = forms.ChoiceField(label=_("Reason of refusal"), required=False,
                                       choices=[("", "---------"), *RefusalReason.choices])
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("On granting: the client reads them in the beschikking."))
    volume = forms.IntegerField(label=_("Volume"), required=False, min_value=1, max_value=99_999_999)
    frequency = forms.ChoiceField(label=_("Frequency"), required=False,
                                  choices=[("", "---------"), *IwmoFrequency.choices])
