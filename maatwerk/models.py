"""The maatwerk catalogue (providers, products) and referrals (verwijzing, beschikking)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cases.models import Client, Dossier, new_ref
from maatwerk.querysets import ProductQuerySet, ReferralQuerySet


class Category(models.TextChoices):
    GUIDANCE = "begeleiding", _("guidance (begeleiding)")
    DAYTIME = "dagbesteding", _("daytime activities (dagbesteding)")
    TRANSPORT = "vervoer", _("transport")
    OTHER = "overig", pgettext_lazy("maatwerk category", "other")


class Product(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=160)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    active = models.BooleanField(_("active"), default=True)

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
        ]

    def __str__(self):
        return f"{self.product} – {self.provider}"

    def get_absolute_url(self):
        return reverse("maatwerk:referral", args=[self.pk])


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
