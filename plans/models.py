"""The household's plan (ondersteuningsplan): goals per life domain, support (inzet) by
kanteling, and the network around the household, as ../shared/specs/plan.md defines them.

Models hold data, choices and what the database can enforce itself; the rules (dates in
order, statuses, a closed dossier is read-only, ...) live in ``plans.services``.
Goals, actions and contacts hang on the dossier directly (one plan per dossier), so the
indicators and the bundle import need no extra join."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cases.models import Client, Dossier, new_ref
from plans.querysets import ConsentQuerySet, PlanQuerySet

OTHER_DOMAIN = "overig"  # a goal or action outside the ZRM domains


class Direction(models.TextChoices):
    IMPROVE = "verbeteren", _("improve (verbeteren)")
    STABILISE = "stabiliseren", _("stabilise (stabiliseren)")
    GUIDED_DECLINE = "begeleide_achteruitgang", _("guided decline (begeleide achteruitgang)")


class ProposedBy(models.TextChoices):
    WORKER = "medewerker", _("worker")
    CLIENT = "client", _("client")


class GoalStatus(models.TextChoices):
    ONGOING = "lopend", _("ongoing")
    ACHIEVED = "behaald", _("achieved")
    PARTLY = "deels_behaald", _("partly achieved")
    NOT_ACHIEVED = "niet_behaald", _("not achieved")
    DROPPED = "vervallen", _("dropped")


class Kanteling(models.TextChoices):
    OWN_STRENGTH = "eigen_kracht", _("own strength (eigen kracht)")
    NETWORK = "sociaal_netwerk", _("social network")
    GENERAL = "algemene_voorziening", _("general provision")
    MAATWERK = "maatwerk", _("maatwerk (individual provision)")


class ContactKind(models.TextChoices):
    FAMILY = "familie", _("family")
    FRIEND = "vriend_buur", _("friend or neighbour")
    VOLUNTEER = "vrijwilliger", _("volunteer")
    GP = "huisarts", _("general practitioner")
    PROFESSIONAL = "professional", _("professional")
    OTHER = "overig", pgettext_lazy("network contact kind", "other")


class Supportive(models.TextChoices):
    YES = "ja", _("yes")
    NO = "nee", _("no")
    UNKNOWN = "onbekend", _("unknown")


class Plan(models.Model):
    """One per dossier. A draft until ``agreed_on``; ``agreed_version`` keeps the goals and
    actions as they were agreed, so later changes can be shown."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="plan")
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    agreed_version = models.JSONField(default=dict, blank=True, help_text="Goals and actions as agreed, by ref.")
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        indexes = [models.Index(fields=["agreed_on"], name="plan_agreed_on")]

    def __str__(self):
        return _("Plan of dossier %(number)s") % {"number": self.dossier_id}

    def get_absolute_url(self):
        return reverse("plans:plan", args=[self.dossier_id])

    @property
    def is_draft(self) -> bool:
        return self.agreed_on is None


class Goal(models.Model):
    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="goals", db_index=False)
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, null=True, blank=True, related_name="goals", db_index=False,
        verbose_name=_("member"), help_text=_("Empty: a goal of the household as a whole."),
    )
    domain = models.CharField(_("life domain"), max_length=60)
    direction = models.CharField(_("direction"), max_length=25, choices=Direction.choices)
    description = models.TextField(_("goal in the household's own words"), blank=True)
    proposed_by = models.CharField(
        _("proposed by"), max_length=12, choices=ProposedBy.choices, default=ProposedBy.WORKER
    )
    set_on = models.DateField(_("set on"))
    target_on = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=15, choices=GoalStatus.choices, default=GoalStatus.ONGOING)
    status_on = models.DateField(_("status date"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["set_on", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        indexes = [
            models.Index(fields=["dossier", "status"], name="goal_dossier"),
            models.Index(fields=["set_on"], name="goal_set_on"),
            # the foreign-key check when clients are destroyed (docs/adr/0110)
            models.Index(fields=["client"], name="goal_client", condition=Q(client__isnull=False)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(status="lopend") & Q(status_on__isnull=True))
                | (~Q(status="lopend") & Q(status_on__isnull=False)),
                name="goal_status_dated",
            ),
            models.CheckConstraint(
                condition=Q(status_on__isnull=True) | Q(status_on__gte=F("set_on")), name="goal_status_after_set"
            ),
        ]

    def __str__(self):
        return self.description or self.domain

    @property
    def is_open(self) -> bool:
        return self.status == GoalStatus.ONGOING


class NetworkContact(models.Model):
    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="network", db_index=True)
    kind = models.CharField(_("kind"), max_length=15, choices=ContactKind.choices)
    name = models.CharField(_("name"), max_length=160, blank=True)
    relation = models.CharField(_("relation"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    supportive = models.CharField(_("supportive"), max_length=10, choices=Supportive.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name", "id"]
        verbose_name = _("network contact")
        verbose_name_plural = _("network contacts")

    def __str__(self):
        return self.name or self.relation or self.get_kind_display()


class Action(models.Model):
    """Inzet: support toward a goal or for the dossier as a whole."""

    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="actions", db_index=True)
    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, null=True, blank=True, related_name="actions", verbose_name=_("goal"),
        help_text=_("Empty: support for the dossier as a whole."),
    )
    domain = models.CharField(_("life domain"), max_length=60)
    kanteling = models.CharField(_("kanteling"), max_length=25, choices=Kanteling.choices)
    existing = models.BooleanField(
        _("existing at registration"), default=False,
        help_text=_("Support the household already had when it registered."),
    )
    description = models.TextField(_("description"), blank=True)
    by = models.CharField(_("by whom"), max_length=160, blank=True, db_column="by_whom")  # BY is an SQL keyword
    by_contact = models.ForeignKey(
        NetworkContact, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions",
        verbose_name=_("by (network contact)"), db_index=False,
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    referral = models.ForeignKey(
        "maatwerk.Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="plan_actions",
        verbose_name=_("maatwerk referral"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [
            models.Index(fields=["starts_on"], name="action_starts_on"),
            # the foreign-key check when network contacts are destroyed (docs/adr/0110)
            models.Index(fields=["by_contact"], name="action_by_contact", condition=Q(by_contact__isnull=False)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(existing=True) | Q(starts_on__isnull=False), name="action_new_has_start"
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="action_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.description or self.get_kanteling_display()

    @property
    def by_display(self) -> str:
        return str(self.by_contact) if self.by_contact_id else self.by


class ConsentForm(models.TextChoices):
    ORAL = "mondeling", _("oral (mondeling)")
    WRITTEN = "schriftelijk", _("written (schriftelijk)")
    DIGITAL = "digitaal", _("digital (digitaal)")


class Consent(models.Model):
    """Toestemming: a client's consent to share data with a named recipient (plan.md).

    Never deleted by the system: withdrawing sets ``withdrawn_on`` (``plans.consent_services``).
    In force on day d when ``given_on <= d`` and neither expired nor withdrawn on or before d
    (``Consent.objects.in_force(d)``)."""

    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="consents", verbose_name=_("client")
    )
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, null=True, blank=True, related_name="consents",
        verbose_name=_("dossier"), db_index=False,
    )
    recipient = models.CharField(
        _("recipient"), max_length=200, help_text=_("Who may receive the data, e.g. \"huisarts Jansen\".")
    )
    purpose = models.TextField(_("purpose"), blank=True)
    form = models.CharField(_("form"), max_length=12, choices=ConsentForm.choices)
    given_on = models.DateField(_("given on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        db_index=False, verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        db_index=False, verbose_name=_("withdrawal recorded by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawal recorded at"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["dossier", "given_on"], name="consent_dossier")]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=F("given_on")),
                name="consent_expires_after_given",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("given_on")),
                name="consent_withdrawn_after_given",
            ),
        ]

    def __str__(self):
        return f"{self.recipient} ({self.given_on:%d-%m-%Y})"

    def in_force_on(self, day) -> bool:
        """The Python twin of ``Consent.objects.in_force(day)`` for one loaded consent."""
        return (
            self.given_on <= day
            and (self.expires_on is None or self.expires_on > day)
            and (self.withdrawn_on is None or self.withdrawn_on > day)
        )


class PlanEvent(models.Model):
    """What changed in the plan, when and by whom (shown on the dossier timeline)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="plan_events")
    at = models.DateTimeField(auto_now_add=True)
    on = models.DateField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, db_index=False)
    detail = models.CharField(max_length=300)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return self.detail
