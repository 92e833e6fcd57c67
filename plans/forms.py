"""Forms of the plan. They only collect input; the rules are in ``plans.services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import RulesInOneRound, date_field
from cases.models import Client
from maatwerk.forms import ReferralForm
from plans.models import (
    OTHER_DOMAIN,
    Action,
    ContactKind,
    Direction,
    Goal,
    GoalStatus,
    Kanteling,
    NetworkContact,
    Supportive,
)
from plans.services import action_errors, domain_label, goal_errors
from zrm.models import Instrument
from zrm.services import household_instrument

HOUSEHOLD = "household"


def domain_choices(dossier=None, keep: str = ""):
    """The domains of the household's current instrument (``zrm.services.household_instrument``)
    and the active supplements, then ``overig``; without a dossier every instrument's. ``keep``: a
    goal's domain from another instrument stays choosable."""
    instruments = list(Instrument.objects.prefetch_related("domains").order_by("supplement", "-active", "code"))
    main = household_instrument(dossier) if dossier is not None else None
    if main is not None:
        instruments = [i for i in instruments if i.pk == main.pk or (i.supplement and i.active)]
    groups = [(i.name, [(d.code, d.label) for d in i.domains.all()]) for i in instruments]
    shown = {code for _name, choices in groups for code, _label in choices}
    if keep and keep != OTHER_DOMAIN and keep not in shown:
        groups.append((_("Chosen earlier"), [(keep, domain_label(keep))]))
    return [("", "---------"), *groups, (OTHER_DOMAIN, _("other (no ZRM domain)"))]


class MemberField(forms.ChoiceField):
    """A member of the household or the household as a whole; cleaned to a Client or None."""

    def __init__(self, *, dossier, **kwargs):
        self.members = {str(c.pk): c for c in Client.objects.filter(memberships__dossier=dossier).order_by(
            "memberships__id")}
        choices = [(HOUSEHOLD, _("The household as a whole"))] + [(k, c.display_name) for k, c in self.members.items()]
        super().__init__(choices=choices, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return self.members.get(value)


class GoalForm(RulesInOneRound):
    client = forms.ChoiceField(label=_("For whom"))
    domain = forms.ChoiceField(label=_("Life domain"))
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices, widget=forms.RadioSelect,
                                  initial=Direction.IMPROVE)
    description = forms.CharField(
        label=_("The goal in the household's own words"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    set_on = date_field(_("Set on"), initial_today=True)
    target_on = date_field(_("Target date"), required=False,
                           help_text=_("The date to look back together on this goal."))

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        self.fields["client"] = MemberField(dossier=dossier, label=_("For whom"))
        self.fields["domain"].choices = domain_choices(dossier, keep=(self.initial or {}).get("domain", ""))

    def rule_errors(self, data: dict) -> dict:
        return goal_errors(self.dossier, **data)

    @staticmethod
    def initial_for(goal: Goal) -> dict:
        return {"client": goal.client_id or HOUSEHOLD, "domain": goal.domain, "direction": goal.direction,
                "description": goal.description, "set_on": goal.set_on, "target_on": goal.target_on}


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices, widget=forms.RadioSelect)
    status_on = date_field(_("Status date"), required=False, initial_today=True,
                           help_text=_("Required for every status other than ongoing."))


class ActionForm(RulesInOneRound):
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.none(), required=False,
                                  empty_label=_("The dossier as a whole"))
    kanteling = forms.ChoiceField(label=_("Kind of support (kanteling)"), choices=Kanteling.choices,
                                  widget=forms.RadioSelect)
    domain = forms.ChoiceField(label=_("Life domain"))
    existing = forms.TypedChoiceField(
        label=_("Existing or new"), widget=forms.RadioSelect, coerce=lambda v: v == "true", initial="false",
        choices=[("false", _("newly arranged")), ("true", _("already there at registration"))],
    )
    description = forms.CharField(label=_("What"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    by_contact = forms.ModelChoiceField(label=_("By someone from the network"), queryset=NetworkContact.objects.none(),
                                        required=False)
    by = forms.CharField(label=_("Or by whom"), required=False, max_length=160,
                         help_text=_("For example: sister, Voedselbank, buurtteam."))
    starts_on = date_field(_("From"), required=False, help_text=_("Required for new support."))
    ends_on = date_field(_("Until"), required=False)

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        self.fields["goal"].queryset = Goal.objects.filter(dossier=dossier).order_by("set_on", "id")
        self.fields["by_contact"].queryset = NetworkContact.objects.filter(dossier=dossier)
        self.fields["domain"].choices = domain_choices(dossier, keep=(self.initial or {}).get("domain", ""))

    def rule_errors(self, data: dict) -> dict:
        return action_errors(self.dossier, **data)

    @staticmethod
    def initial_for(action: Action) -> dict:
        return {"goal": action.goal_id, "kanteling": action.kanteling, "domain": action.domain,
                "existing": "true" if action.existing else "false", "description": action.description,
                "by_contact": action.by_contact_id, "by": "" if action.by_contact_id else action.by,
                "starts_on": action.starts_on, "ends_on": action.ends_on}


class ContactForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ContactKind.choices, widget=forms.RadioSelect)
    name = forms.CharField(label=_("Name"), required=False, max_length=160)
    relation = forms.CharField(label=_("Relation"), required=False, max_length=120,
                               help_text=_("For example: daughter, neighbour, debt counsellor."))
    phone = forms.CharField(label=_("Phone"), required=False, max_length=30)
    email = forms.EmailField(label=_("E-mail"), required=False)
    supportive = forms.ChoiceField(label=_("Supportive"), required=False,
                                   choices=[("", _("not known yet")), *Supportive.choices])


class AgreeForm(forms.Form):
    agreed_on = date_field(_("The household agreed on"), initial_today=True)


class GoalReferralForm(ReferralForm):
    """A maatwerk referral toward a goal: maatwerk's own referral form."""
