"""The front door's forms: the short contact (fast, on a phone), an outreach attempt, the outcome
of a signal, routing by hand, the team's postcode areas and the signals.csv upload."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import DateInput, date_field
from cases.models import Team
from cases.uploads import UploadField
from frontdoor.models import AttemptKind, AttemptResult, Channel, ContactOutcome, SignalOutcome
from frontdoor.services import topics


class ShortContactForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    contacted_on = date_field(_("Date of contact"), initial_today=True)
    channel = forms.ChoiceField(label=_("How"), choices=Channel.choices, widget=forms.RadioSelect,
                                initial=Channel.INLOOP)
    topic = forms.ChoiceField(label=_("Topic"))
    outcome = forms.ChoiceField(label=_("Outcome"), widget=forms.RadioSelect, initial=ContactOutcome.ANSWERED,
                                choices=[c for c in ContactOutcome.choices if c[0] != ContactOutcome.DOSSIER])
    referred_to = forms.CharField(label=_("Referred to"), required=False, max_length=200,
                                  help_text=_("Only when referred: the organisation."))
    minutes = forms.IntegerField(label=_("Minutes"), required=False, min_value=1, max_value=100_000,
                                 widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    anonymous = forms.BooleanField(label=_("Anonymous (store nothing about the person)"), required=False,
                                   initial=True)
    summary = forms.CharField(label=_("Summary"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}),
                              help_text=_("Only for a named contact."))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        teams = Team.objects.for_user(user).order_by("name")
        team_field = self.fields["team"]
        assert isinstance(team_field, forms.ModelChoiceField)
        team_field.queryset = teams
        if len(teams) == 1:
            team_field.initial = teams[0].pk
            team_field.widget = forms.HiddenInput()
        topic_field = self.fields["topic"]
        assert isinstance(topic_field, forms.ChoiceField)
        topic_field.choices = [("", "—"), *topics()]


class AttemptForm(forms.Form):
    on = date_field(_("Date"), initial_today=True)
    kind = forms.ChoiceField(label=_("How"), choices=AttemptKind.choices, widget=forms.RadioSelect,
                             initial=AttemptKind.HOME_VISIT)
    result = forms.ChoiceField(label=_("Result"), choices=AttemptResult.choices, widget=forms.RadioSelect)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=SignalOutcome.choices, widget=forms.RadioSelect)
    outcome_on = date_field(_("Date"), initial_today=True)


class RouteForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.order_by("name"))


class TeamAreasForm(forms.Form):
    pc4s = forms.CharField(label=_("Postcode areas (four digits)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Separated by spaces or commas, e.g. 3511 3512 3513."))


class SignalsUploadForm(forms.Form):
    file = UploadField(label=_("Signal file (signals.csv)"), limit_setting="SIGNALS_UPLOAD_MAX_BYTES",
                       suffixes=(".csv",), accepted=_("CSV (.csv)"))


__all__ = ["AttemptForm", "DateInput", "OutcomeForm", "RouteForm", "ShortContactForm", "SignalsUploadForm",
           "TeamAreasForm"]
