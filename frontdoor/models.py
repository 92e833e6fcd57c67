"""The front door (front-door.md): short contacts (kort contact), handled without a dossier,
and early signals of payment arrears (vroegsignalen) from creditors, routed to the team that
serves the address, with the outreach attempts and their outcome. The rules are in
``frontdoor.services`` (short contacts), ``frontdoor.signals`` (signals) and ``frontdoor.routing``."""

import datetime as dt

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Client, Dossier, Team, new_ref, postcode_validator
from frontdoor.querysets import ShortContactQuerySet, SignalQuerySet

pc4_validator = RegexValidator(r"^[1-9][0-9]{3}$", _("Enter four digits, like 3511."))


class Channel(models.TextChoices):
    INLOOP = "inloop", _("walk-in")
    PHONE = "telefoon", _("phone")
    EMAIL = "email", _("e-mail")
    CHAT = "chat", _("chat")
    HOME_VISIT = "huisbezoek", _("home visit")
    OTHER = "overig", _("other")


class ContactOutcome(models.TextChoices):
    ANSWERED = "beantwoord", _("answered")
    REFERRED = "doorverwezen", _("referred to another organisation")
    DOSSIER = "dossier", _("became a dossier")


OTHER_TOPIC = "overig"


class TeamArea(models.Model):
    """One four-digit postcode area (PC4) a team serves; one team per area."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="areas", verbose_name=_("team"))
    pc4 = models.CharField(_("postcode area"), max_length=4, unique=True, validators=[pc4_validator])

    class Meta:
        ordering = ["pc4"]
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")

    def __str__(self) -> str:
        return self.pc4


class ShortContact(models.Model):
    """A question handled without opening a dossier. An anonymous contact stores no person."""

    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="short_contacts", verbose_name=_("team"))
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("worker"))
    contacted_on = models.DateField(_("date of contact"))
    recorded_on = models.DateField(_("recorded on"))
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    topic = models.CharField(_("topic"), max_length=60)
    minutes = models.PositiveIntegerField(_("minutes"), null=True, blank=True, validators=[MinValueValidator(1)])
    anonymous = models.BooleanField(_("anonymous"), default=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("client"))
    summary = models.TextField(_("summary"), blank=True, max_length=2000)
    outcome = models.CharField(_("outcome"), max_length=12, choices=ContactOutcome.choices)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("dossier"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", db_index=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ShortContactQuerySet.as_manager()

    class Meta:
        ordering = ["-contacted_on", "-id"]
        verbose_name = _("short contact")
        verbose_name_plural = _("short contacts")
        indexes = [models.Index(fields=["team", "contacted_on"], name="frontdoor_contact_team")]
        constraints = [
            models.CheckConstraint(condition=Q(anonymous=False) | Q(client__isnull=True, summary=""),
                                   name="frontdoor_anonymous_stores_no_person"),
            models.CheckConstraint(condition=~Q(outcome="dossier") | Q(anonymous=False, dossier__isnull=False),
                                   name="frontdoor_dossier_outcome_has_dossier"),
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.contacted_on:%d-%m-%Y}"


class CreditorKind(models.TextChoices):
    HOUSING = "woningcorporatie", _("housing corporation")
    ENERGY = "energie", _("energy")
    WATER = "water", _("water")
    HEALTH_INSURER = "zorgverzekeraar", _("health insurer")
    OTHER = "overig", _("other")


class SignalOutcome(models.TextChoices):
    ACCEPTED = "hulp_aanvaard", _("help accepted")
    DECLINED = "hulp_geweigerd", _("help declined")
    KNOWN = "al_bekend", _("already in support")
    NO_CONTACT = "geen_contact", _("no contact")
    SETTLED = "opgelost", _("arrears settled before contact")


class AttemptKind(models.TextChoices):
    HOME_VISIT = "huisbezoek", _("home visit")
    LETTER = "brief", _("letter")
    PHONE = "telefoon", _("phone")
    EMAIL = "email", _("e-mail")


class AttemptResult(models.TextChoices):
    CONTACT = "contact", _("spoke with the household")
    NO_ANSWER = "geen_gehoor", _("no answer")
    NOTE = "briefje", _("note left")
    UNREACHABLE = "onbereikbaar", _("address unreachable")


class SignalSender(models.Model):
    """A municipal signal hub (or creditor) that may POST signals to the API: its token is
    stored as a hash and allows writing signals, nothing else."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("signal sender")
        verbose_name_plural = _("signal senders")

    def __str__(self) -> str:
        return self.name


class EarlySignal(models.Model):
    """A creditor's report that a household is behind with fixed costs."""

    ref = models.CharField(_("signal key"), max_length=64, unique=True)
    received_on = models.DateField(_("received on"))
    creditor_kind = models.CharField(_("kind of creditor"), max_length=20, choices=CreditorKind.choices)
    creditor = models.CharField(_("creditor"), max_length=120, blank=True)
    arrears_cents = models.PositiveBigIntegerField(_("arrears (cents)"), validators=[MinValueValidator(1)])
    arrears_months = models.PositiveSmallIntegerField(_("months in arrears"), null=True, blank=True,
                                                      validators=[MinValueValidator(1)])
    postcode = models.CharField(_("postcode"), max_length=6, validators=[postcode_validator])
    house_number = models.PositiveIntegerField(_("house number"))
    house_number_addition = models.CharField(_("addition"), max_length=10, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("team"))
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("dossier"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=SignalOutcome.choices, blank=True)
    outcome_on = models.DateField(_("outcome on"), null=True, blank=True)
    short_contact = models.ForeignKey(ShortContact, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+", verbose_name=_("short contact"))
    sender = models.ForeignKey(SignalSender, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               db_index=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("early signal")
        verbose_name_plural = _("early signals")
        indexes = [
            models.Index(fields=["team", "received_on"], name="frontdoor_signal_team"),
            models.Index(fields=["postcode", "house_number"], name="frontdoor_signal_address"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(outcome="", outcome_on__isnull=True)
                                   | (~Q(outcome="") & Q(outcome_on__isnull=False)),
                                   name="frontdoor_signal_outcome_with_date"),
        ]

    def __str__(self) -> str:
        return self.ref

    @property
    def address(self) -> str:
        addition = f"-{self.house_number_addition}" if self.house_number_addition else ""
        return f"{self.postcode} {self.house_number}{addition}"

    @property
    def arrears_euros(self) -> str:
        return f"{self.arrears_cents / 100:,.2f}".replace(",", " ").replace(".", ",")

    @property
    def pc4(self) -> str:
        return self.postcode[:4]


class Attempt(models.Model):
    """One outreach attempt (at the door, by letter, phone or e-mail) and what came of it."""

    signal = models.ForeignKey(EarlySignal, on_delete=models.CASCADE, related_name="attempts")
    attempted_on = models.DateField(_("date"))
    kind = models.CharField(_("how"), max_length=12, choices=AttemptKind.choices)
    result = models.CharField(_("result"), max_length=14, choices=AttemptResult.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", db_index=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["attempted_on", "id"]
        verbose_name = _("outreach attempt")
        verbose_name_plural = _("outreach attempts")
        constraints = [models.UniqueConstraint(fields=["signal", "attempted_on", "kind", "result"],
                                               name="frontdoor_attempt_once")]

    def __str__(self) -> str:
        return f"{self.attempted_on:%d-%m-%Y} {self.get_kind_display()}"


def first_attempt_due(received_on: dt.date) -> dt.date:
    """The last day of the term for the first attempt (SIGNAL_FIRST_ATTEMPT_WORKING_DAYS)."""
    import holidays

    count = settings.SIGNAL_FIRST_ATTEMPT_WORKING_DAYS
    public = holidays.country_holidays("NL", years=range(received_on.year, received_on.year + 2))
    day, seen = received_on, 0
    while seen < count:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in public:
            seen += 1
    return day
