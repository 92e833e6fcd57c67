"""Forms of consent (toestemming). They only collect input; the rules are in
``plans.consent_services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import RulesInOneRound, date_field
from cases.models import Client
from cases.rules import Errors
from plans.consent_services import check_consent
from plans.models import ConsentForm as Form


class ConsentForm(RulesInOneRound):
    client = forms.ChoiceField(label=_("Whose consent"))
    recipient = forms.CharField(label=_("Recipient"), max_length=200,
                                help_text=_("Who may receive the data, e.g. “huisarts Jansen”."))
    purpose = forms.CharField(label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                              help_text=_("What the data is shared for."))
    form = forms.ChoiceField(label=_("Form"), choices=Form.choices, widget=forms.RadioSelect)
    given_on = date_field(_("Given on"), initial_today=True)
    expires_on = date_field(_("Expires on"), required=False,
                            help_text=_("Empty: until the client withdraws it."))

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        self.members = {str(c.pk): c for c in Client.objects.filter(memberships__dossier=dossier).order_by(
            "memberships__id")}
        self.fields["client"].choices = [(k, c.display_name) for k, c in self.members.items()]

    def clean_client(self):
        return self.members[self.cleaned_data["client"]]

    def rule_errors(self, data: dict) -> dict:
        errors = Errors()
        client = data.get("client")
        check_consent(data, errors, dossier=self.dossier, client_id=client.pk if client else None)
        return errors


class WithdrawForm(forms.Form):
    withdrawn_on = date_field(_("Withdrawn on"), initial_today=True)
