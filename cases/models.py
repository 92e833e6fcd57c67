"""Organisation (teams, memberships, referrers), clients, dossiers and the access log.

Lifecycle rules do not live here but in ``cases.services``; models hold data,
choices and the invariants the database can enforce itself."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.querysets import ClientQuerySet, DossierQuerySet, TeamQuerySet
from cases.roles import TEAM_ROLES, Role
from cases.validators import validate_bsn

REQUEST_SUMMARY_MAX_LENGTH = 2000


def new_ref() -> str:
    """A source-system key for records created in this system (see the bundle spec)."""
    return secrets.token_hex(8)




class Team(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    population = models.PositiveIntegerField(
        _("population 18+"), null=True, blank=True,
        help_text=_("Residents aged 18 and over in the service area."),
    )
    fte = models.DecimalField(_("FTE"), max_digits=7, decimal_places=2, null=True, blank=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A user's role: in a team (generalist, team coach) or organisation-wide (beleid, beheer)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, null=True, blank=True, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # Four eyes (docs/adr/0190): a role with access to personal data granted in the
    # application waits for a second person's confirmation (``cases.memberships``); only a
    # confirmed membership gives its role (``cases.permissions.roles``).
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("granted by"), db_index=False)
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("confirmed by"), db_index=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "team", "role"], name="membership_unique"),
            models.CheckConstraint(
                condition=(Q(role__in=TEAM_ROLES) & Q(team__isnull=False))
                | (~Q(role__in=TEAM_ROLES) & Q(team__isnull=True)),
                name="membership_team_role",
                violation_error_message=_("Generalists and team coaches belong to a team; "
                                          "policy and administrator roles to none."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}" + (f" ({self.team})" if self.team_id else "")


class Referrer(models.Model):
    """Melder: who referred the household (a managed list)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    self_referral = models.BooleanField(_("self-referral"), default=False)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("referrer")
        verbose_name_plural = _("referrers")

    def __str__(self):
        return self.name


class Gender(models.TextChoices):
    MAN = "m", _("man")
    WOMAN = "v", _("woman")
    OTHER = "x", _("other")
    UNKNOWN = "onbekend", _("unknown")


postcode_validator = RegexValidator(r"^[1-9][0-9]{3}[A-Z]{2}$", _("Enter a postcode like 3511AB."))


class Client(models.Model):
    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    given_name = models.CharField(_("given name"), max_length=80, blank=True)
    family_name_prefix = models.CharField(_("prefix (voorvoegsel)"), max_length=20, blank=True,
                                          help_text=_("For example: van, de, van der."))
    family_name = models.CharField(_("family name"), max_length=120, blank=True)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True, db_index=True, validators=[validate_bsn])
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True, validators=[postcode_validator])
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        indexes = [models.Index(fields=["family_name", "birth_date"], name="client_name_dob")]

    def __str__(self):
        return self.display_name

    @property
    def full_family_name(self) -> str:
        """The family name with its voorvoegsel, as written in a letter: "van der Heijden"."""
        return " ".join(part for part in (self.family_name_prefix, self.family_name) if part)

    @property
    def display_name(self) -> str:
        name = " ".join(part for part in (self.given_name, self.full_family_name) if part)
        return name or _("Client %(ref)s") % {"ref": self.ref}

    @property
    def masked_bsn(self) -> str:
        return f"*****{self.bsn[-4:]}" if self.bsn else ""


class Location(models.TextChoices):
    HOME = "thuis", _("at home")
    OFFICE = "kantoor", _("at the office")
    ELSEWHERE = "elders", _("elsewhere")


class ClosureReason(models.TextChoices):
    ACCORDING_TO_PLAN = "volgens_plan", _("ended according to plan")
    EARLY_BY_AGREEMENT = "voortijdig_in_overeenstemming", _("ended early by agreement")
    BY_CLIENT = "eenzijdig_client", _("ended unilaterally by the client")
    BY_PROVIDER = "eenzijdig_aanbieder", _("ended unilaterally by the team")
    EXTERNAL = "externe_omstandigheden", _("ended by external circumstances")
    UNKNOWN = "onbekend", _("unknown")


class YesNoUnknown(models.TextChoices):
    YES = "ja", _("yes")
    NO = "nee", _("no")
    UNKNOWN = "onbekend", _("unknown")


class Safeguard(models.TextChoices):
    OWN_NETWORK = "eigen_netwerk", _("own network")
    VOLUNTEERS = "vrijwilligers_maatjes", _("volunteers / buddies")
    ACTIVITIES = "activiteiten_buitenshuis", _("activities outside the home")
    GP = "huisarts", _("general practitioner")
    DISTRICT_NURSE = "wijkverpleegkundige", _("district nurse")
    HOUSING = "woningcorporatie", _("housing corporation")
    VOLUNTEER_WORK = "vrijwilligerswerk", _("volunteer work")
    WORK = "werk", _("work")
    COMPULSORY = "gedwongen_kader", _("compulsory framework")
    EDUCATION = "onderwijs", _("education")
    YOUTH_HEALTH = "jeugdgezondheidszorg", _("youth health care")
    SPECIALIST = "specialistische_zorg", _("specialist care")
    OTHERS = "andere_partijen", _("other parties")


class RegieAfter(models.TextChoices):
    """Who coordinates the household's support after closure (client-voice.md)."""

    CLIENT = "client", _("the client")
    NETWORK = "netwerk", _("the network")
    PROFESSIONAL = "professional", _("a professional")
    UNKNOWN = "onbekend", _("unknown")


class DossierStatus(models.TextChoices):
    WAITING = "aangemeld", _("registered, waiting")
    ACTIVE = "lopend", _("support ongoing")
    CLOSED = "gesloten", _("closed")


class Dossier(models.Model):
    """One support trajectory for one household: één huishouden, één plan, één regisseur."""

    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    # Foreign keys whose lookups a composite index already serves have no index of their own:
    # every index entry costs time on bulk imports of millions of rows.
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("team"), db_index=False
    )
    lead_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="lead_dossiers", verbose_name=_("lead worker"),
    )
    lead_worker_ref = models.CharField(
        _("lead worker (source system)"), max_length=150, blank=True,
        help_text=_("The source system's worker identifier when it matches no user."),
    )
    workers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="involved_dossiers", verbose_name=_("involved workers")
    )
    referrer = models.ForeignKey(
        Referrer, on_delete=models.PROTECT, null=True, blank=True, related_name="dossiers",
        verbose_name=_("referrer"), db_index=False,
    )
    # A summary, not a journal: about a page of text. The forms refuse more (with a counter);
    # the database does not check it (TextField), so an older or imported longer text stays.
    request_summary = models.TextField(_("request for help"), blank=True, max_length=REQUEST_SUMMARY_MAX_LENGTH)
    registered_on = models.DateField(_("registration date"), db_index=True)
    first_contact_on = models.DateField(_("first contact"), null=True, blank=True)
    first_contact_location = models.CharField(
        _("first contact location"), max_length=10, choices=Location.choices, blank=True
    )
    support_started_on = models.DateField(_("support started"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closure_reason = models.CharField(_("closure reason"), max_length=40, choices=ClosureReason.choices, blank=True)
    can_continue_independently = models.CharField(
        _("can continue independently"), max_length=10, choices=YesNoUnknown.choices, blank=True
    )
    client_rating = models.PositiveSmallIntegerField(
        _("client rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    regie_after = models.CharField(_("coordination after closure"), max_length=12, choices=RegieAfter.choices,
                                   blank=True)
    # The day each date was entered (plan.md "recorded-on dates"): set by cases.services, never
    # editable; empty = unknown (imported history). Registration lag = recorded_on - date.
    first_contact_recorded_on = models.DateField(_("first contact recorded on"), null=True, blank=True,
                                                 editable=False)
    support_started_recorded_on = models.DateField(_("support start recorded on"), null=True, blank=True,
                                                   editable=False)
    closed_recorded_on = models.DateField(_("closure recorded on"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ["-registered_on", "-id"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        indexes = [
            models.Index(fields=["team", "closed_on", "registered_on"], name="dossier_team_open"),
            models.Index(fields=["support_started_on"], name="dossier_support_started"),
            models.Index(fields=["first_contact_on"], name="dossier_first_contact"),
            # Closed dossiers only: periods look closures up by date, while the list pages'
            # "closed_on IS NULL" must not be tempted into scanning every open dossier
            # through a single-column closed_on index (dossier_team_open serves them).
            models.Index(fields=["closed_on"], name="dossier_closed", condition=Q(closed_on__isnull=False)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_contact_on__isnull=True) | Q(first_contact_on__gte=models.F("registered_on")),
                name="dossier_first_contact_after_registration",
            ),
            models.CheckConstraint(
                condition=Q(support_started_on__isnull=True)
                | Q(support_started_on__gte=models.F("registered_on")),
                name="dossier_support_after_registration",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("registered_on")),
                name="dossier_closed_after_registration",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=False)
                | (Q(closure_reason="") & Q(can_continue_independently="") & Q(client_rating__isnull=True)
                   & Q(regie_after="")),
                name="dossier_closure_fields_only_when_closed",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | ~Q(closure_reason=""),
                name="dossier_closed_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(client_rating__isnull=True) | Q(client_rating__gte=1, client_rating__lte=10),
                name="dossier_rating_1_10",
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{date}_recorded_on__isnull": True})
                    | Q(**{f"{date}_on__isnull": False, f"{date}_recorded_on__gte": models.F(f"{date}_on")}),
                    name=f"dossier_{date}_recorded_with_its_date",
                )
                for date in ("first_contact", "support_started", "closed")
            ],
        ]

    def __str__(self):
        return _("Dossier %(number)s") % {"number": self.pk}

    def get_absolute_url(self):
        return reverse("cases:dossier", args=[self.pk])

    @property
    def status(self) -> str:
        if self.closed_on:
            return DossierStatus.CLOSED
        if self.support_started_on:
            return DossierStatus.ACTIVE
        return DossierStatus.WAITING

    def get_status_display(self) -> str:
        return str(DossierStatus(self.status).label)

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


class MemberRole(models.TextChoices):
    APPLICANT = "aanvrager", _("applicant")
    PARTNER = "partner", _("partner")
    CHILD = "kind", _("child")
    OTHER = "overig", _("other")


class DossierMember(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="members", db_index=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        constraints = [models.UniqueConstraint(fields=["dossier", "client"], name="member_unique")]

    def __str__(self):
        return f"{self.client} ({self.get_role_display()})"


class DossierSafeguard(models.Model):
    """Borging at closure: what keeps the household going."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="safeguards", db_index=False)
    safeguard = models.CharField(_("safeguard"), max_length=40, choices=Safeguard.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dossier", "safeguard"], name="safeguard_unique")]

    def __str__(self):
        return self.get_safeguard_display()


class FormerClosure(models.Model):
    """A closure undone by reopening: what it was, who reopened the dossier, when and why.
    The close form starts from the latest one, so reopening loses nothing."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="former_closures")
    closed_on = models.DateField(_("closed on"))
    closure_reason = models.CharField(_("closure reason"), max_length=40, choices=ClosureReason.choices)
    can_continue_independently = models.CharField(
        _("can continue independently"), max_length=10, choices=YesNoUnknown.choices, blank=True
    )
    client_rating = models.PositiveSmallIntegerField(_("client rating"), null=True, blank=True)
    regie_after = models.CharField(_("coordination after closure"), max_length=12, choices=RegieAfter.choices,
                                   blank=True)
    safeguards = models.JSONField(_("safeguards"), default=list, blank=True)
    reopened_at = models.DateTimeField(_("reopened at"), auto_now_add=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("reopened by")
    )
    reason = models.TextField(_("reason for reopening"))

    class Meta:
        ordering = ["-reopened_at", "-id"]
        verbose_name = _("former closure")
        verbose_name_plural = _("former closures")

    def __str__(self):
        return f"{self.closed_on:%d-%m-%Y} {self.get_closure_reason_display()}"


class EventKind(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    UPDATED = "updated", _("Details changed")
    FIRST_CONTACT = "first_contact", _("First contact")
    SUPPORT_STARTED = "support_started", _("Support started")
    MEMBER_ADDED = "member_added", _("Member added")
    MEMBER_REMOVED = "member_removed", _("Member removed")
    TRANSFERRED = "transferred", _("Transferred to another team")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    MEASUREMENT = "measurement", _("ZRM measurement")
    REFERRAL = "referral", _("Referral")
    LEAD_WORKER = "lead_worker", _("Lead worker changed")


class DossierEvent(models.Model):
    """The dossier's timeline: what happened, when, by whom."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    at = models.DateTimeField(auto_now_add=True)
    on = models.DateField(null=True, blank=True, help_text="The business date the event is about.")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.detail}".strip()


class DestructionStatus(models.TextChoices):
    PROPOSED = "voorgesteld", _("proposed")
    DESTROYING = "bezig", _("being destroyed")
    DESTROYED = "vernietigd", _("destroyed")
    WITHDRAWN = "ingetrokken", _("withdrawn")


class DestructionList(models.Model):
    """A destruction after the retention term (docs/adr/0110): one functional administrator
    proposes, a second approves; then ``cases.retention.destroy`` removes the listed dossiers'
    personal data in one transaction. What stays is this record, without personal data:
    dates, who proposed and approved, counts. While its status is ``bezig`` (inside that
    transaction only) the access log's trigger lets it anonymise entries."""

    kind = models.CharField(_("data kind"), max_length=30, default="dossier")
    cutoff = models.DateField(_("closed on or before"))
    status = models.CharField(_("status"), max_length=12, choices=DestructionStatus.choices,
                              default=DestructionStatus.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("proposed by"))
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("approved or withdrawn by"))
    decided_at = models.DateTimeField(_("approved or withdrawn at"), null=True, blank=True)
    dossier_count = models.PositiveIntegerField(_("dossiers"), default=0)
    client_count = models.PositiveIntegerField(_("clients removed"), default=0)
    latest_closed_on = models.DateField(_("latest closure destroyed"), null=True, blank=True)
    counts = models.JSONField(_("rows removed per kind"), default=dict, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("destruction list")
        verbose_name_plural = _("destruction lists")

    def __str__(self):
        return _("Destruction list %(number)s") % {"number": self.pk}


class DestructionItem(models.Model):
    """A dossier on a proposed list; removed with the dossier (the record keeps only counts)."""

    destruction = models.ForeignKey(DestructionList, on_delete=models.CASCADE, related_name="items")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["destruction", "dossier"], name="destruction_item_unique")]

    def __str__(self):
        return f"{self.destruction_id}: {self.dossier_id}"


# The append-only logs live in cases.logs; imported here, where Django and the apps look.
from cases.logs import AccessAction, AccessLogEntry, ChangeAction, ChangeRecord  # noqa: E402, F401
