from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cases.models import (
    TEAM_ROLES,
    Client,
    ClosureReason,
    Location,
    MemberRole,
    Referrer,
    Safeguard,
    Team,
    YesNoUnknown,
)
from cases.services import today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(label, *, required=True, initial_today=False, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        initial=today if initial_today else None,
        help_text=help_text,
    )


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class WorkersField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


def workers_of(team_ids):
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__team_id__in=team_ids, memberships__role__in=TEAM_ROLES)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ClientForm(forms.ModelForm):
    class Meta:
        model = Client
        fields = ["given_name", "family_name", "bsn", "birth_date", "gender", "postcode", "address", "phone", "email"]
        widgets = {
            "birth_date": DateInput(),
            "bsn": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["family_name"].required = True

    def clean_postcode(self):
        return self.cleaned_data["postcode"].replace(" ", "").upper()

    def clean_bsn(self):
        return self.cleaned_data["bsn"].replace(" ", "").replace(".", "")

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if value and value > today():
            raise forms.ValidationError(_("This date lies in the future."))
        return value


class DuplicateChoiceForm(forms.Form):
    """Shown when a new client resembles existing ones: create anyway or use one of them."""

    NEW = "new"
    duplicate_choice = forms.ChoiceField(label=_("Is this the same person?"), widget=forms.RadioSelect)

    def __init__(self, *args, candidates=(), allow_new=True, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (str(c.pk), _("Use %(name)s, born %(born)s") % {
                "name": c.display_name, "born": c.birth_date.strftime("%d-%m-%Y") if c.birth_date else "?"
            })
            for c in candidates
        ]
        if allow_new:
            choices.append((self.NEW, _("No, this is a different person: create a new client")))
        self.fields["duplicate_choice"].choices = choices
        self.fields["duplicate_choice"].required = True


class RegistrationForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    registered_on = date_field(_("Registration date"), initial_today=True)
    referrer = forms.ModelChoiceField(
        label=_("Referrer"), queryset=Referrer.objects.filter(active=True), required=False
    )
    lead_worker = WorkerChoiceField(
        label=_("Lead worker"), queryset=get_user_model().objects.none(), required=False
    )
    request_summary = forms.CharField(
        label=_("Request for help"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        teams = Team.objects.for_user(user)
        self.fields["team"].queryset = teams
        self.fields["lead_worker"].queryset = workers_of(teams.values("pk"))
        self.fields["lead_worker"].initial = user.pk
        if len(teams) == 1:
            self.fields["team"].initial = teams[0].pk


class DetailsForm(forms.Form):
    registered_on = date_field(_("Registration date"))
    referrer = forms.ModelChoiceField(label=_("Referrer"), queryset=Referrer.objects.all(), required=False)
    lead_worker = WorkerChoiceField(
        label=_("Lead worker"), queryset=get_user_model().objects.none(), required=False
    )
    workers = WorkersField(
        label=_("Involved workers"), queryset=get_user_model().objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    request_summary = forms.CharField(
        label=_("Request for help"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        workers = workers_of([dossier.team_id])
        self.fields["lead_worker"].queryset = workers
        self.fields["workers"].queryset = workers


class FirstContactForm(forms.Form):
    first_contact_on = date_field(_("Date of the first contact"), initial_today=True)
    location = forms.ChoiceField(label=_("Location"), choices=Location.choices, widget=forms.RadioSelect)


class StartSupportForm(forms.Form):
    support_started_on = date_field(_("Support started on"), initial_today=True)


class MemberForm(forms.Form):
    role = forms.ChoiceField(label=_("Role in the household"), choices=MemberRole.choices)


class TransferForm(forms.Form):
    to_team = forms.ModelChoiceField(label=_("To team"), queryset=Team.objects.all())
    note = forms.CharField(label=_("Note for the new team"), required=False, max_length=200)


class CloseForm(forms.Form):
    closed_on = date_field(_("Closing date"), initial_today=True)
    closure_reason = forms.ChoiceField(
        label=_("Closure reason"), choices=[("", "---------"), *ClosureReason.choices]
    )
    can_continue_independently = forms.ChoiceField(
        label=_("Can the household continue independently?"), choices=YesNoUnknown.choices,
        widget=forms.RadioSelect, initial=YesNoUnknown.UNKNOWN,
    )
    client_rating = forms.IntegerField(
        label=_("Client rating (1-10)"), min_value=1, max_value=10, required=False,
        help_text=_("Leave empty when the client gave no rating."),
    )
    safeguards = forms.MultipleChoiceField(
        label=_("Safeguards after closure"), choices=Safeguard.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Why is the dossier reopened?"), widget=forms.Textarea(attrs={"rows": 3}))
