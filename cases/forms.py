"""The base app's forms: registration, the client form with the duplicate check, and one
form per lifecycle step (first contact, support start, transfer, closing, reopening).

``CheckedForm`` is the form half of the kit (docs/adr/0140): it asks the service's
``*_errors`` function for its rules, so a page shows the form's own errors and the rules'
in one round. The rules themselves live in ``cases.services`` only."""

from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from cases import services
from cases.models import (
    REQUEST_SUMMARY_MAX_LENGTH,
    TEAM_ROLES,
    Client,
    ClosureReason,
    Location,
    MemberRole,
    Referrer,
    RegieAfter,
    Safeguard,
    Team,
    YesNoUnknown,
)
from cases.rules import EARLIEST_DATE, implausible_message
from cases.services import today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def not_implausible(value):
    """Every date typed in a form: 01-01-0001 or 1800 is a typing error."""
    if value and value < EARLIEST_DATE:
        raise forms.ValidationError(implausible_message(), code="implausible_date")


def date_field(label, *, required=True, initial_today=False, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        initial=today if initial_today else None,
        help_text=help_text,
        validators=[not_implausible],
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
        .objects.filter(is_active=True, memberships__team_id__in=team_ids, memberships__role__in=TEAM_ROLES,
                        memberships__confirmed_at__isnull=False)  # a role awaiting confirmation gives no work
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class CheckedForm(forms.Form):
    """A form that reports the service's rules together with its own field errors, in one
    round: ``service_errors(cleaned_data)`` returns ``{field: [messages]}`` for the values
    that could be read (a field with its own error keeps just that one)."""

    def __init__(self, *args, dossier=None, **kwargs):
        self.dossier = dossier
        super().__init__(*args, **kwargs)

    def service_errors(self, data: dict) -> dict:
        return {}

    def clean(self):
        data = super().clean() or {}
        for field, messages in self.service_errors(data).items():
            if field in self.errors:
                continue
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        return data


class RulesInOneRound(forms.Form):
    """For forms whose service is only called once the form is valid: when some fields have
    their own errors, ``rule_errors(cleaned_data)`` (the service's checks on the values that
    could be read, e.g. a date before the registration) adds its problems for the other
    fields, so every error shows in the first round."""

    def rule_errors(self, data: dict) -> dict:
        return {}

    def clean(self):
        data = super().clean() or {}
        own = self.errors  # the fields' own errors, already collected before clean()
        if own:
            for field, messages in self.rule_errors(data).items():
                if field in self.fields and field not in own:
                    for message in messages:
                        self.add_error(field, message)
        return data


class ConfirmOtherOpenMixin(forms.Form):
    """The "add this person anyway" checkbox, shown once the service asked for it
    (``ask_confirmation``) and kept while it is posted back."""

    CONFIRM = "confirm_other_open"

    def _confirm_field_if_posted(self):
        if self.is_bound and self.add_prefix(self.CONFIRM) in self.data:
            self.ask_confirmation()

    def ask_confirmation(self):
        self.fields.setdefault(self.CONFIRM, forms.BooleanField(
            label=_("Yes, add this person although they are in another open dossier"), required=False))

    @property
    def confirmed_other_open(self) -> bool:
        return bool(self.cleaned_data.get(self.CONFIRM))


class ClientForm(forms.ModelForm):
    class Meta:
        model = Client
        fields = ["given_name", "family_name", "bsn", "birth_date", "gender", "postcode", "address", "phone", "email"]
        widgets = {
            "birth_date": DateInput(),
            "bsn": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }

    BSN_TYPED_LENGTH = 13  # "123 456 782" or "123.456.782": cleaned to 9 digits

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["family_name"].required = True
        # A BSN typed with spaces or dots is cleaned, not refused for its length (the model
        # checks the cleaned 9 digits).
        bsn = cast(forms.CharField, self.fields["bsn"])
        bsn.max_length = self.BSN_TYPED_LENGTH
        bsn.validators = [v for v in bsn.validators if not isinstance(v, MaxLengthValidator)]
        bsn.widget.attrs["maxlength"] = str(self.BSN_TYPED_LENGTH)
        self.fields["birth_date"].validators.append(not_implausible)

    def clean_postcode(self):
        return self.cleaned_data["postcode"].replace(" ", "").upper()

    def clean_bsn(self):
        return "".join(self.cleaned_data["bsn"].replace(".", "").replace("-", "").split())

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
            choices.append((self.NEW, str(_("No, this is a different person: create a new client"))))
        field = cast(forms.ChoiceField, self.fields["duplicate_choice"])
        field.choices = choices
        field.required = True


class RegistrationForm(ConfirmOtherOpenMixin, CheckedForm):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    registered_on = date_field(_("Registration date"), initial_today=True)
    referrer = forms.ModelChoiceField(
        label=_("Referrer"), queryset=Referrer.objects.filter(active=True), required=False
    )
    lead_worker = WorkerChoiceField(
        label=_("Lead worker"), queryset=get_user_model().objects.none(), required=False
    )
    request_summary = forms.CharField(
        label=_("Request for help"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        max_length=REQUEST_SUMMARY_MAX_LENGTH,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        teams = Team.objects.for_user(user)
        cast(forms.ModelChoiceField, self.fields["team"]).queryset = teams
        cast(forms.ModelChoiceField, self.fields["lead_worker"]).queryset = workers_of(teams.values("pk"))
        self.fields["lead_worker"].initial = user.pk
        if len(teams) == 1:
            self.fields["team"].initial = teams[0].pk
        self._confirm_field_if_posted()

    def service_errors(self, data):
        return services.registration_errors(
            team=data.get("team"), registered_on=data.get("registered_on"), lead_worker=data.get("lead_worker"))


class DetailsForm(CheckedForm):
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
        label=_("Request for help"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        max_length=REQUEST_SUMMARY_MAX_LENGTH,
    )

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, dossier=dossier, **kwargs)
        workers = workers_of([dossier.team_id])
        cast(forms.ModelChoiceField, self.fields["lead_worker"]).queryset = workers
        cast(forms.ModelChoiceField, self.fields["workers"]).queryset = workers


class FirstContactForm(CheckedForm):
    first_contact_on = date_field(_("Date of the first contact"), initial_today=True)
    location = forms.ChoiceField(label=_("Location"), choices=Location.choices, widget=forms.RadioSelect)

    def service_errors(self, data):
        return services.first_contact_errors(self.dossier, data.get("first_contact_on"))


class StartSupportForm(CheckedForm):
    support_started_on = date_field(_("Support started on"), initial_today=True)

    def service_errors(self, data):
        return services.support_start_errors(self.dossier, data.get("support_started_on"))


class MemberForm(ConfirmOtherOpenMixin, forms.Form):
    role = forms.ChoiceField(label=_("Role in the household"), choices=MemberRole.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._confirm_field_if_posted()


class WorkerWithTeamsField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        teams = ", ".join(sorted({m.team.name for m in obj.memberships.all() if m.team_id}))
        return f"{obj.get_full_name() or obj.username} ({teams})"


class TransferForm(CheckedForm):
    to_team = forms.ModelChoiceField(label=_("To team"), queryset=Team.objects.all())
    note = forms.CharField(label=_("Note for the new team"), required=False, max_length=200,
                           help_text=_("Why the dossier goes to this team: the new team sees it in its intake queue."))
    lead_worker = WorkerWithTeamsField(
        label=_("Lead worker in the new team"), required=False, queryset=None,
        help_text=_("Empty: the current lead worker stays when they work in the new team too; otherwise the "
                    "new team's coach gets a task to appoint one."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["lead_worker"]).queryset = (
            get_user_model().objects.filter(memberships__role__in=TEAM_ROLES, is_active=True).distinct()
            .prefetch_related("memberships__team").order_by("first_name", "last_name", "username"))


class CloseForm(CheckedForm):
    """Closing: the closure fields, and one required choice per open item other apps
    registered (``cases.extensions.open_items``); items without choices are refused until
    they are settled on their own page."""

    closed_on = date_field(_("Closing date"), initial_today=True)
    closure_reason = forms.ChoiceField(
        label=_("Closure reason"), choices=[("", "---------"), *ClosureReason.choices]
    )
    can_continue_independently = forms.ChoiceField(
        label=_("Can the household continue independently?"), choices=YesNoUnknown.choices,
        widget=forms.RadioSelect, error_messages={"required": _("Choose yes, no or unknown.")},
    )
    client_rating = forms.IntegerField(
        label=_("Client rating (1-10)"), min_value=1, max_value=10, required=False,
        help_text=_("Leave empty when the client gave no rating."),
    )
    safeguards = forms.MultipleChoiceField(
        label=_("Safeguards after closure"), choices=Safeguard.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regie_after = forms.ChoiceField(
        label=_("Who coordinates the household's support from now on?"), choices=RegieAfter.choices,
        widget=forms.RadioSelect, required=False,
        help_text=_("The regie after closure: the household itself, its network, or a professional."),
    )

    def __init__(self, *args, open_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.open_items = list(open_items)
        for item in self.open_items:
            if item.choices:
                self.fields[item.field] = forms.ChoiceField(
                    label=item.label, choices=list(item.choices), widget=forms.RadioSelect,
                    error_messages={"required": _("Choose what happens with this before closing.")},
                )

    @property
    def unsettleable(self):
        """Open items the form cannot settle: they need their own page first."""
        return [item for item in self.open_items if not item.choices]

    def settlements(self) -> dict:
        return {item.field: self.cleaned_data[item.field] for item in self.open_items if item.choices}

    def service_errors(self, data):
        return services.closing_errors(
            self.dossier, closed_on=data.get("closed_on"), closure_reason=data.get("closure_reason"),
            client_rating=data.get("client_rating"), open_items=self.open_items)


class ReopenForm(CheckedForm):
    reason = forms.CharField(label=_("Why is the dossier reopened?"), widget=forms.Textarea(attrs={"rows": 3}))
