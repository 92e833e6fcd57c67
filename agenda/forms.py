"""Forms of the agenda and letter pages. They collect input; the rules are in the services."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models import CalendarFeed, CancelledBy, Kind, LetterTemplate, Outcome
from cases.forms import DateInput, WorkersField, workers_of
from cases.models import Client, Dossier, Location


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


class MembersField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Client) -> str:
        return obj.display_name


class MemberField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Client) -> str:
        return obj.display_name


class AppointmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "---------"), *Kind.choices])
    day = forms.DateField(label=_("Date"), widget=DateInput())
    start = forms.TimeField(label=_("From"), widget=TimeInput())
    end = forms.TimeField(label=_("Until"), widget=TimeInput())
    place_kind = forms.ChoiceField(label=_("Where"), choices=Location.choices, widget=forms.RadioSelect,
                                   initial=Location.HOME)
    place = forms.CharField(label=_("Place"), max_length=200, required=False,
                            help_text=_("Address or room; empty for the resident's home."))
    workers = WorkersField(label=_("Workers"), queryset=Client.objects.none(), widget=forms.CheckboxSelectMultiple)
    members = MembersField(label=_("Taking part"), queryset=Client.objects.none(), required=False,
                           widget=forms.CheckboxSelectMultiple)
    confirm_conflicts = forms.BooleanField(label=_("Plan it anyway, despite the other appointments"),
                                           required=False)

    def __init__(self, *args: Any, dossier: Dossier, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["workers"].queryset = workers_of([dossier.team_id])  # type: ignore[attr-defined]
        self.fields["members"].queryset = (  # type: ignore[attr-defined]
            Client.objects.filter(memberships__dossier=dossier).order_by("memberships__id"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if day and start and end:
            data["starts_at"] = timezone.make_aware(dt.datetime.combine(day, start))
            data["ends_at"] = timezone.make_aware(dt.datetime.combine(day, end))
        return data

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {k: data.get(k) for k in ("kind", "starts_at", "ends_at", "place_kind", "place", "workers", "members",
                                         "confirm_conflicts")}

    @staticmethod
    def initial_of(appointment: Any) -> dict[str, Any]:
        start, end = timezone.localtime(appointment.starts_at), timezone.localtime(appointment.ends_at)
        return {"kind": appointment.kind, "day": start.date(), "start": start.time(), "end": end.time(),
                "place_kind": appointment.place_kind, "place": appointment.place,
                "workers": list(appointment.workers.all()), "members": list(appointment.members.all())}


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("What happened?"), widget=forms.RadioSelect,
                                choices=[c for c in Outcome.choices if c[0]])
    cancelled_by = forms.ChoiceField(label=_("Cancelled by"), required=False,
                                     choices=[("", "---------"), *CancelledBy.choices])
    start_support = forms.BooleanField(label=_("Support started with this appointment"), required=False,
                                       initial=True)

    def __init__(self, *args: Any, proposes_support: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not proposes_support:
            del self.fields["start_support"]


class FeedForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = CalendarFeed
        fields = ["show_dossier_number"]


class TemplateForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = LetterTemplate
        fields = ["name", "title", "body", "needs_appointment", "active"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}

    @staticmethod
    def code_field() -> forms.SlugField:
        return forms.SlugField(label=_("Code"), max_length=60, help_text=_("Short name without spaces, for example "
                                                                            "uitnodiging-huisbezoek."))


class LetterForm(forms.Form):
    template = forms.ModelChoiceField(label=_("Letter"), queryset=LetterTemplate.objects.filter(active=True))
    client = MemberField(label=_("Addressed to"), queryset=Client.objects.none(), widget=forms.RadioSelect)
    appointment = forms.ModelChoiceField(label=_("Appointment"), queryset=Client.objects.none(), required=False,
                                         help_text=_("For a letter about an appointment."))

    def __init__(self, *args: Any, dossier: Dossier, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Client.objects.filter(memberships__dossier=dossier).order_by("memberships__id")
        self.fields["client"].queryset = members  # type: ignore[attr-defined]
        self.fields["appointment"].queryset = dossier.appointments.order_by("-starts_at")  # type: ignore[attr-defined]
