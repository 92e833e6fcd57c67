"""ZRM instruments as data (versions, ordered domains, step labels, optional
descriptions) and measurements with one score per scored domain.

Scores live on the measurement as ``{domain code: step}``; a domain that is not
applicable or not scored has no key: an empty score is never a zero. (One JSON column
instead of a row per domain keeps imports of millions of measurements fast.)"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cases.models import Client, Dossier, new_ref
from zrm.querysets import MeasurementQuerySet

STEPS = (1, 2, 3, 4, 5)  # the ZRM's steps; other instruments (the participatieladder) have their own
INSUFFICIENT_STEPS = (1, 2, 3)  # onvoldoende zelfredzaam
PARTICIPATIELADDER = "participatieladder"


class InstrumentKind(models.TextChoices):
    """What an instrument measures. Only ``zrm`` instruments count in the ZRM figures."""

    ZRM = "zrm", _("self-sufficiency (ZRM)")
    PARTICIPATION = "participatieladder", _("participation ladder")


class Instrument(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    active = models.BooleanField(_("active"), default=True, help_text=_("Offered for new measurements."))
    supplement = models.BooleanField(
        _("supplement"), default=False,
        help_text=_("Scored alongside a main instrument (like the parenting supplement); "
                    "never the default for new measurements."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InstrumentKind.choices, default=InstrumentKind.ZRM)

    class Meta:
        ordering = ["code"]
        verbose_name = _("ZRM instrument")
        verbose_name_plural = _("ZRM instruments")

    def __str__(self):
        return self.name

    @property
    def is_zrm(self) -> bool:
        return self.kind == InstrumentKind.ZRM

    def step_numbers(self) -> tuple[int, ...]:
        """The instrument's steps in order (1-5 for the ZRM, 1-6 for the participatieladder)."""
        numbers = tuple(step.number for step in self.steps.all())
        return numbers or STEPS

    def insufficient_steps(self) -> tuple[int, ...]:
        """Steps shown as "onvoldoende": the ZRM's 1-3; none for other instruments."""
        return INSUFFICIENT_STEPS if self.is_zrm else ()


class Step(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("step"), validators=[MinValueValidator(1), MaxValueValidator(9)])
    label = models.CharField(_("label"), max_length=80)

    class Meta:
        ordering = ["number"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        constraints = [models.UniqueConstraint(fields=["instrument", "number"], name="zrm_step_unique")]

    def __str__(self):
        return f"{self.number} {self.label}"


class Domain(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="domains")
    code = models.SlugField(_("code"), max_length=60)
    label = models.CharField(_("label"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["instrument", "order"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "code"], name="zrm_domain_unique"),
            models.UniqueConstraint(fields=["instrument", "order"], name="zrm_domain_order_unique"),
        ]

    def __str__(self):
        return self.label


class DomainStepDescription(models.Model):
    """The criteria text of one step of one domain, filled in by the organisation."""

    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="descriptions")
    step = models.PositiveSmallIntegerField(_("step"), validators=[MinValueValidator(1), MaxValueValidator(9)])
    description = models.TextField(_("description"))

    class Meta:
        ordering = ["domain", "step"]
        verbose_name = _("step description")
        verbose_name_plural = _("step descriptions")
        constraints = [models.UniqueConstraint(fields=["domain", "step"], name="zrm_description_unique")]

    def __str__(self):
        return f"{self.domain} {self.step}"


class MeasurementType(models.TextChoices):
    BASELINE = "nulmeting", _("baseline (nulmeting)")
    GOAL = "doelmeting", _("goal (doelmeting)")
    INTERIM = "tussenmeting", _("interim (tussenmeting)")
    FINAL = "eindmeting", _("final (eindmeting)")
    SELF_SCAN = "zelfscan", _("self-assessment (zelfscan)")


# Types a worker records on the matrix screen; a zelfscan comes from the resident's portal.
WORKER_TYPES = [(value, label) for value, label in MeasurementType.choices if value != MeasurementType.SELF_SCAN]


class ScoredWith(models.TextChoices):
    """Who scored a measurement (client-voice.md); empty means unknown (old and imported data)."""

    TOGETHER = "samen", _("together with the client")
    PROFESSIONAL = "professional", _("by the professional")
    CLIENT = "client", _("by the client (self-assessment)")


class Measurement(models.Model):
    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    # Lookups by dossier use the composite "unit" index below; the other foreign keys are only
    # followed from the measurement, so they need no index (faster bulk imports).
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="measurements", db_index=False)
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, null=True, blank=True, related_name="measurements",
        verbose_name=_("member"), help_text=_("Empty: the household as a whole."), db_index=False,
    )
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, verbose_name=_("instrument"), db_index=False)
    type = models.CharField(_("type"), max_length=15, choices=MeasurementType.choices)
    measured_on = models.DateField(_("date"))
    scored_with = models.CharField(_("scored by"), max_length=12, choices=ScoredWith.choices, blank=True,
                                   default="", help_text=_("Empty: unknown."))
    scores = models.JSONField(_("scores"), default=dict, blank=True, help_text="{domain code: step}")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        ordering = ["measured_on", "id"]
        verbose_name = _("ZRM measurement")
        verbose_name_plural = _("ZRM measurements")
        indexes = [
            models.Index(fields=["dossier", "client", "type", "measured_on"], name="zrm_measurement_unit"),
            models.Index(fields=["measured_on"], name="zrm_measurement_date"),
            # the foreign-key check when clients are destroyed (docs/adr/0110)
            models.Index(fields=["client"], name="zrm_measurement_client",
                         condition=models.Q(client__isnull=False)),
        ]

    def __str__(self):
        return f"{self.get_type_display()} {self.measured_on:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("zrm:detail", args=[self.dossier_id, self.pk])


def canonical_scores(scores: dict) -> dict:
    """Scores in one canonical form (sorted by domain code, whole numbers), so that stored
    JSON compares equal however it was written (entry form or bundle import)."""
    return {code: int(value) for code, value in sorted(scores.items())}


class WithdrawnMeasurement(models.Model):
    """A measurement withdrawn because it was entered in error: moved here from
    ``Measurement`` with who withdrew it, when and why. Development, reminders, indicators
    and exports read ``Measurement`` only, so a withdrawn measurement counts nowhere, while
    the record of what was entered stays (see docs/adr/0010-zrm-measurement-order.md)."""

    ref = models.CharField(_("source key"), max_length=64, unique=True)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="withdrawn_measurements")
    client = models.ForeignKey(Client, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("member"))
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("instrument"))
    type = models.CharField(_("type"), max_length=15, choices=MeasurementType.choices)
    measured_on = models.DateField(_("date"))
    scored_with = models.CharField(_("scored by"), max_length=12, choices=ScoredWith.choices, blank=True, default="")
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(_("entered at"))
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("withdrawn by"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), auto_now_add=True)
    reason = models.TextField(_("reason for withdrawal"))

    class Meta:
        ordering = ["-withdrawn_at", "-id"]
        verbose_name = _("withdrawn ZRM measurement")
        verbose_name_plural = _("withdrawn ZRM measurements")

    def __str__(self):
        return f"{self.get_type_display()} {self.measured_on:%d-%m-%Y}"
