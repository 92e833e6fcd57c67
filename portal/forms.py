"""Portal forms. Residents read Dutch at B1 level: short labels, one question per field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zrm.models import Domain
from zrm.services import household_instrument

OTHER = ("overig", _("Something else"))


class LoginForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(label=_("Password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class CodeForm(forms.Form):
    token = forms.CharField(label=_("Login code"), max_length=12, help_text=_("The 6 digits from the e-mail."),
                            widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


class AcceptForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), help_text=_("We send a login code to this address "
                                                                    "every time you log in."),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(label=_("Choose a password"), strip=False,
                               help_text=_("At least 12 characters. Not a word that is easy to guess."),
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password_again = forms.CharField(label=_("Type the password again"), strip=False,
                                     widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))


class AcceptWithCodeForm(AcceptForm):
    code = forms.CharField(label=_("Code from the letter"), max_length=20,
                           help_text=_("For example ABCD-EFGH-JKLM."))
    field_order = ["code", "email", "password", "password_again"]


# The life domains in words a resident uses (B1), by ZRM code; 2013 and 2017 share most codes.
B1_DOMAINS = {
    "financien": _("Money and bills"),
    "werk_opleiding": _("Work or school"),
    "dagbesteding": _("How you spend your day"),
    "tijdsbesteding": _("How you spend your day"),
    "huisvesting": _("Your home"),
    "huiselijke_relaties": _("Your family and the people you live with"),
    "geestelijke_gezondheid": _("How you feel"),
    "lichamelijke_gezondheid": _("Your body and health"),
    "verslaving": _("Alcohol, drugs or gambling"),
    "middelengebruik": _("Alcohol, drugs or gambling"),
    "adl": _("Looking after yourself: washing, dressing, eating"),
    "basale_adl": _("Looking after yourself: washing, dressing, eating"),
    "instrumentele_adl": _("Housework and shopping"),
    "sociaal_netwerk": _("People around you"),
    "maatschappelijke_participatie": _("Taking part: neighbourhood, club, volunteering"),
    "justitie": _("Police or court"),
    "lichamelijke_verzorging": _("Care of your child"),
    "opvang": _("Childcare"),
    "scholing": _("Your child's school"),
    "sociaal_emotionele_ondersteuning": _("Support for how your child feels"),
}


def domain_choices(dossier=None):
    """The domains of the household's instrument (``zrm.services.household_instrument``) in the
    instrument's order and in B1 words, one per meaning."""
    instrument = household_instrument(dossier) if dossier is not None else None
    domains = Domain.objects.order_by("instrument__supplement", "instrument_id", "order")
    domains = domains.filter(instrument=instrument) if instrument else domains.filter(instrument__active=True)
    choices, seen = [], set()
    for code, label in domains.values_list("code", "label"):
        words = str(B1_DOMAINS.get(code, label))
        if words not in seen:
            seen.add(words)
            choices.append((code, words))
    return [("", _("Choose")), *choices, OTHER]


class ProposeGoalForm(forms.Form):
    description = forms.CharField(label=_("What do you want to achieve?"), max_length=1000,
                                  widget=forms.Textarea(attrs={"rows": 4}),
                                  help_text=_("Write it in your own words."))
    domain = forms.ChoiceField(label=_("What is it about?"))
    client = forms.ChoiceField(label=_("For whom is this goal?"), widget=forms.RadioSelect)

    def __init__(self, *args, people=(), dossier=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = domain_choices(dossier)
        self.fields["client"].choices = [("", _("For our whole household"))] + [
            (str(p.pk), p.display_name) for p in people]
        self.fields["client"].required = False
        self.fields["client"].initial = ""


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Your comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class MessageForm(forms.Form):
    """A resident's message: for the team, and if they choose also for the other adults."""

    text = forms.CharField(label=_("Your message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    for_household = forms.BooleanField(
        label=_("The other adults of my household who use Mijn buurtteam may also read this message"),
        required=False)


class TeamMessageForm(forms.Form):
    """The team's message, for the members it names."""

    text = forms.CharField(label=_("Your message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    recipients = forms.MultipleChoiceField(label=_("For"), widget=forms.CheckboxSelectMultiple,
                                           help_text=_("Only these members read the message in Mijn buurtteam."))

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].choices = [(str(c.pk), str(c)) for c in members]


# Staff -----------------------------------------------------------------------------------

class InviteForm(forms.Form):
    client = forms.ChoiceField(label=_("Member"))
    email = forms.EmailField(label=_("E-mail address"), required=False,
                             help_text=_("Empty: print the letter with the code; the member fills in an address "
                                         "when accepting."))

    def __init__(self, *args, adults=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client"].choices = [(str(c.pk), c.display_name) for c in adults]


class DecideProposalForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("set", _("Set as goal (agreed)")), ("decline", _("Do not take over"))])
    answer = forms.CharField(label=_("Answer to the household"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ThirdPartyForm(forms.Form):
    """Offers only the pairs (network contact, consent in force naming that contact)."""

    invitee = forms.ChoiceField(label=_("Who is invited"),
                                help_text=_("Only network contacts with a consent in force that names them."))
    email = forms.EmailField(label=_("E-mail address"), required=False,
                             help_text=_("Empty: the contact's own address."))

    def __init__(self, *args, pairs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitee"].choices = [
            (f"{contact.pk}-{consent.pk}",
             _("%(contact)s (consent of %(date)s)") % {"contact": contact, "date": f"{consent.given_on:%d-%m-%Y}"})
            for contact, consent in pairs]
