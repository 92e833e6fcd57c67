"""The entry form: member, instrument, type, date and one radio group per domain.

The member and instrument are chosen first (they decide the matrix and the previous
measurement shown alongside) and travel with the form as hidden fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import date_field
from zrm.models import WORKER_TYPES, ScoredWith
from zrm.services import date_errors, score_field

HOUSEHOLD = "household"
NOT_APPLICABLE = "nvt"


def unit_choices(members):
    return [(HOUSEHOLD, _("the household as a whole")), *((str(m.client_id), m.client.display_name) for m in members)]


def unit_value(client_id) -> str:
    return str(client_id) if client_id else HOUSEHOLD


class MeasurementForm(forms.Form):
    client = forms.ChoiceField(label=_("Member"), widget=forms.HiddenInput)
    instrument = forms.ModelChoiceField(
        label=_("Instrument"), queryset=None, to_field_name="code", widget=forms.HiddenInput
    )
    type = forms.ChoiceField(label=_("Type of measurement"), choices=WORKER_TYPES, widget=forms.RadioSelect)
    # Asked on the matrix screen; a form sent without it means "samen", the default.
    scored_with = forms.ChoiceField(label=_("Who scored?"), choices=ScoredWith.choices, widget=forms.RadioSelect,
                                    initial=ScoredWith.TOGETHER, required=False)
    measured_on = date_field(_("Date of the measurement"), initial_today=True)

    def __init__(self, *args, dossier, members, instruments, instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        self.members = {str(m.client_id): m.client for m in members}
        self.fields["client"].choices = unit_choices(members)
        self.fields["instrument"].queryset = instruments
        self.instrument = instrument
        self.domains = list(instrument.domains.all()) if instrument else []
        self.steps = instrument.step_numbers() if instrument else ()
        for domain in self.domains:
            self.fields[score_field(domain.code)] = forms.ChoiceField(
                label=domain.label,
                choices=[*((str(n), str(n)) for n in self.steps), (NOT_APPLICABLE, _("n.v.t."))],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a step (1 to %(last)d) or n.v.t.") % {"last": self.steps[-1]}},
            )

    def clean_measured_on(self):
        value = self.cleaned_data["measured_on"]
        errors = date_errors(self.dossier, value)
        if errors:
            raise forms.ValidationError(errors)
        return value

    def score_fields(self):
        return [(domain, self[score_field(domain.code)]) for domain in self.domains]

    def service_arguments(self) -> dict:
        """The cleaned data in the services' terms."""
        data = self.cleaned_data
        scores = {}
        for domain in self.domains:
            value = data[score_field(domain.code)]
            scores[domain.code] = None if value == NOT_APPLICABLE else int(value)
        return {
            "client": self.members.get(data["client"]),
            "instrument": data["instrument"],
            "type": data["type"],
            "measured_on": data["measured_on"],
            "scores": scores,
            "scored_with": data["scored_with"] or ScoredWith.TOGETHER,
        }


def initial_scores(measurement) -> dict:
    """The form's initial radio values for an existing measurement."""
    scored = measurement.scores
    return {
        score_field(domain.code): str(scored[domain.code]) if domain.code in scored else NOT_APPLICABLE
        for domain in measurement.instrument.domains.all()
    }


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the measurement withdrawn?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000,
        help_text=_("For example: entered for the wrong member, or a wrong date."),
    )
