"""The maatwerk catalogue (providers, products) and referrals (verwijzing, beschikking)."""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cases.models import Client, Dossier, new_ref
from maatwerk.querysets import MeldingQuerySet, ProductQuerySet, ReferralQuerySet

ONDERZOEK_TERM = dt.timedelta(days=42)  # art. 2.3.2 Wmo 2015: six weeks after the melding
BESCHIKKING_TERM = dt.timedelta(days=14)  # art. 2.3.5: two weeks after the aanvraag


class Category(models.TextChoices):
    GUIDANCE = "begeleiding", _("guidance (begeleiding)")
    DAYTIME = "dagbesteding", _("daytime activities (dagbesteding)")
    TRANSPORT = "vervoer", _("transport")
    OTHER = "overig", pgettext_lazy("maatwerk category", "other")


class IwmoCategory(models.TextChoices):
    """iWmo productcategorie (Basisschema LDT_ProductCategorie)."""

    HOUSEHOLD = "01", _("01 household help (hulp bij het huishouden)")
    GUIDANCE = "02", _("02 guidance (begeleiding)")
    PERSONAL_CARE = "03", _("03 personal care (persoonlijke verzorging)")
    SHORT_STAY = "04", _("04 short stay (kortdurend verblijf)")
    HOUSING_SERVICES = "05", _("05 housing services (woondiensten)")
    OTHER_INDIVIDUAL = "06", _("06 other support for the individual or household")
    DAYTIME = "07", _("07 daytime activities (dagbesteding)")
    TRANSPORT_SERVICES = "08", _("08 transport services (vervoerdiensten)")
    OTHER_GROUP = "09", _("09 other group support")
    OTHER_ARRANGEMENTS = "10", _("10 other maatwerk arrangements")
    WHEELCHAIRS = "11", _("11 wheelchairs (rolstoelen)")
    TRANSPORT_PROVISIONS = "12", _("12 transport provisions (vervoervoorzieningen)")
    HOUSING_PROVISIONS = "13", _("13 housing provisions (woonvoorzieningen)")
    OTHER_AIDS = "14", _("14 other aids (overige hulpmiddelen)")
    SHELTERED_HOUSING = "15", _("15 sheltered housing (beschermd wonen)")
    SHELTER = "16", _("16 shelter (opvang)")
    EMERGENCY_SHELTER = "17", _("17 emergency shelter (spoedopvang)")
    OTHER_SHELTER = "18", _("18 other sheltered housing and shelter")


class IwmoUnit(models.TextChoices):
    """iWmo eenheid (LDT_Eenheid)."""

    MINUTE = "01", _("minute")
    HOUR = "04", _("hour")
    DAY_AND_NIGHT = "14", _("24 hours (etmaal)")
    DAY_PART = "16", _("part of a day (dagdeel, 4 hours)")
    PIECES_OUTPUT = "82", _("pieces (output)")
    EUROS = "83", _("euros")
    PIECES_EFFORT = "84", _("pieces (effort)")


class IwmoFrequency(models.TextChoices):
    """iWmo frequentie (LDT_Frequentie)."""

    PER_DAY = "1", _("per day")
    PER_WEEK = "2", _("per week")
    PER_MONTH = "4", _("per month")
    TOTAL = "6", _("in total within the allocation period")


class EndReason(models.TextChoices):
    """Why the provider ended the delivery (iWmo reden beëindiging, WMO588)."""

    DECEASED = "02", _("deceased")
    AS_PLANNED = "19", _("delivery ended according to plan")
    TEMPORARILY = "20", _("delivery ended temporarily")
    BY_CLIENT = "21", _("delivery ended unilaterally by the client")
    BY_PROVIDER = "22", _("delivery ended unilaterally by the provider")
    EARLY_BY_AGREEMENT = "23", _("delivery ended early by agreement")
    MOVED = "31", _("moved to another municipality")
    BY_MUNICIPALITY = "36", _("initiated by the municipality")
    CHANGE_REQUEST = "37", _("because of a change request")
    OTHER_PROVIDER = "38", _("moved to another provider")
    OTHER_DOMAIN = "39", _("moved to another domain")


agb_validator = RegexValidator(r"^[0-9]{8}$", _("An AGB code is 8 digits."))
iwmo_code_validator = RegexValidator(r"^\S{1,5}$", _("An iWmo product code is 1 to 5 characters without spaces."))


class Product(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=160)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    active = models.BooleanField(_("active"), default=True)
    # iWmo (wmo-toegang.md): what a toewijzing (301) names, and the tariff of the cost figures.
    iwmo_category = models.CharField(_("iWmo product category"), max_length=2, choices=IwmoCategory.choices,
                                     blank=True)
    iwmo_code = models.CharField(_("iWmo product code"), max_length=5, blank=True,
                                 validators=[iwmo_code_validator])
    unit = models.CharField(_("unit (eenheid)"), max_length=2, choices=IwmoUnit.choices, blank=True)
    tariff_cents = models.PositiveIntegerField(_("tariff per unit (cents)"), null=True, blank=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("product")
        verbose_name_plural = _("products")

    def __str__(self):
        return self.name


class Provider(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=160)
    active = models.BooleanField(_("active"), default=True)
    agb_code = models.CharField(_("AGB code"), max_length=8, blank=True, validators=[agb_validator])
    products = models.ManyToManyField(Product, blank=True, related_name="providers", verbose_name=_("products"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self):
        return self.name


class Form(models.TextChoices):
    IN_KIND = "zin", _("care in kind (ZIN)")
    BUDGET = "pgb", _("personal budget (PGB)")


class Status(models.TextChoices):
    REQUESTED = "aangevraagd", _("requested")
    GRANTED = "toegekend", _("granted")
    REJECTED = "afgewezen", _("rejected")
    WITHDRAWN = "ingetrokken", _("withdrawn")


class ObjectionOutcome(models.TextChoices):
    PENDING = "lopend", _("pending")
    UPHELD = "gegrond", _("upheld")
    DISMISSED = "ongegrond", _("dismissed")
    WITHDRAWN = "ingetrokken", _("withdrawn")


class Melding(models.Model):
    """A Wmo-melding: the start of the onderzoek (wmo-toegang.md). The verslag is the written
    report of the onderzoek, given to the client on ``verslag_on``; the client may add remarks
    (in the portal or on paper), kept with it. Deadline of the onderzoek: ``melding_on`` + 42
    days. The rules live in ``maatwerk.melding_services``."""

    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="meldingen", db_index=False)
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=False,
        verbose_name=_("member"),
    )
    melding_on = models.DateField(_("melding received on"))
    verslag_on = models.DateField(_("report given to the client on"), null=True, blank=True)
    verslag = models.TextField(_("report of the onderzoek"), blank=True)
    client_remarks = models.TextField(_("the client's remarks on the report"), blank=True)
    client_remarks_on = models.DateField(_("remarks received on"), null=True, blank=True)
    client_remarks_via = models.CharField(_("remarks received"), max_length=10, blank=True,
                                          choices=[("portal", _("in Mijn buurtteam")), ("papier", _("on paper"))])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeldingQuerySet.as_manager()

    class Meta:
        ordering = ["-melding_on", "-id"]
        verbose_name = _("Wmo melding")
        verbose_name_plural = _("Wmo meldingen")
        indexes = [
            models.Index(fields=["dossier", "melding_on"], name="melding_dossier"),
            models.Index(fields=["melding_on"], name="melding_on"),
            models.Index(fields=["verslag_on"], name="melding_verslag_on", condition=Q(verslag_on__isnull=False)),
            models.Index(fields=["client"], name="melding_client", condition=Q(client__isnull=False)),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(verslag_on__isnull=True) | Q(verslag_on__gte=F("melding_on")),
                                   name="melding_verslag_after_melding"),
        ]

    def __str__(self):
        return _("Wmo melding of %(date)s") % {"date": self.melding_on.strftime("%d-%m-%Y")}

    @property
    def deadline(self):
        """The last day of the onderzoek (six weeks, art. 2.3.2 Wmo 2015)."""
        return self.melding_on + ONDERZOEK_TERM


class AllocationCounter(models.Model):
    """The last toewijzingnummer given out (one row): a number is never given twice, also
    after its referral was destroyed. The bundle import raises it to the highest imported one."""

    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return str(self.last)


class Referral(models.Model):
    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="referrals")
    # Only the dossier is looked up by; the other keys need no index (faster bulk imports).
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals",
        verbose_name=_("member"), db_index=False,
    )
    product = models.ForeignKey(Product, on_delete=models.PROTECT, verbose_name=_("product"), db_index=False)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, verbose_name=_("provider"), db_index=False)
    form = models.CharField(_("form"), max_length=3, choices=Form.choices, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED)
    requested_on = models.DateField(_("requested on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    starts_on = models.DateField(_("care starts"), null=True, blank=True)
    ends_on = models.DateField(_("care ends"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Wmo toegang (wmo-toegang.md): the melding this aanvraag came from, the reasons of the
    # beschikking, the allocation (omvang, toewijzingnummer) and the delivery the provider reported.
    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals",
                                verbose_name=_("Wmo melding"), db_index=False)
    reasons = models.TextField(_("reasons for the decision"), blank=True)
    volume = models.PositiveIntegerField(_("volume"), null=True, blank=True,
                                         validators=[MinValueValidator(1), MaxValueValidator(99_999_999)])
    unit = models.CharField(_("unit (eenheid)"), max_length=2, choices=IwmoUnit.choices, blank=True)
    frequency = models.CharField(_("frequency"), max_length=1, choices=IwmoFrequency.choices, blank=True)
    allocation_number = models.PositiveIntegerField(_("allocation number (toewijzingnummer)"), null=True,
                                                    blank=True, unique=True, editable=False)
    delivery_started_on = models.DateField(_("delivery started on"), null=True, blank=True)
    delivery_ended_on = models.DateField(_("delivery ended on"), null=True, blank=True)
    delivery_end_reason = models.CharField(_("reason delivery ended"), max_length=2, choices=EndReason.choices,
                                           blank=True)
    objected = models.BooleanField(_("objection (bezwaar) lodged"), default=False)
    objection_outcome = models.CharField(
        _("outcome of the objection"), max_length=12, choices=ObjectionOutcome.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_on", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            models.Index(fields=["status", "decided_on"], name="referral_decided"),
            models.Index(fields=["status", "starts_on"], name="referral_starts"),
            models.Index(fields=["status", "ends_on"], name="referral_ends"),
            # the foreign-key check when clients are destroyed (docs/adr/0110)
            models.Index(fields=["client"], name="referral_client", condition=Q(client__isnull=False)),
            models.Index(fields=["melding"], name="referral_melding", condition=Q(melding__isnull=False)),
            models.Index(fields=["delivery_started_on"], name="referral_delivery_started",
                         condition=Q(delivery_started_on__isnull=False)),
            models.Index(fields=["delivery_ended_on"], name="referral_delivery_ended",
                         condition=Q(delivery_ended_on__isnull=False)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(starts_on__lte=F("ends_on")),
                name="referral_starts_before_ends",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["toegekend", "afgewezen"]) | Q(decided_on__isnull=False),
                name="referral_decision_dated",
            ),
            models.CheckConstraint(
                condition=(Q(volume__isnull=True) & Q(unit="") & Q(frequency=""))
                | (Q(volume__isnull=False) & ~Q(unit="") & ~Q(frequency="") & Q(status="toegekend")),
                name="referral_omvang_whole_and_granted",
            ),
            models.CheckConstraint(condition=Q(allocation_number__isnull=True) | Q(status="toegekend"),
                                   name="referral_allocation_granted"),
            models.CheckConstraint(
                condition=Q(delivery_ended_on__isnull=True, delivery_end_reason="")
                | (Q(delivery_ended_on__isnull=False) & ~Q(delivery_end_reason="")),
                name="referral_delivery_end_with_reason",
            ),
            models.CheckConstraint(
                condition=Q(delivery_ended_on__isnull=True) | Q(delivery_started_on__isnull=True)
                | Q(delivery_ended_on__gte=F("delivery_started_on")),
                name="referral_delivery_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.product} – {self.provider}"

    def get_absolute_url(self):
        return reverse("maatwerk:referral", args=[self.pk])

    @property
    def deadline(self):
        """The last day for the beschikking (two weeks after the aanvraag, art. 2.3.5)."""
        return self.requested_on + BESCHIKKING_TERM if self.requested_on else None

    @property
    def has_omvang(self) -> bool:
        return self.volume is not None


class StatusChange(models.Model):
    """Who moved a referral to which status, and when."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    # What else happened at this step: an objection and its outcome, a new decision after it.
    note = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"
