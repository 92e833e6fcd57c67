"""The client portal ("Mijn buurtteam", /mijn/): resident and invitee accounts, invitations,
and what residents write (goal proposals, comments, actions reported done, messages).

A portal account is a Django user (so the access log, sessions and axes name it) with a
``PortalAccount`` beside it that says who it is: a resident (a client, member of one or
more dossiers) or an invitee (a network contact invited to one goal). Its password lives
on the account, never on the user (whose password is unusable): the staff login can never
log a resident in (docs/adr/0120). Nothing here changes a plan figure by itself: a goal a
resident proposes becomes a ``plans.Goal`` (proposed_by = client) only when a worker sets it."""

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Client, Dossier
from journal.models import Document
from plans.models import Action, Consent, Goal, NetworkContact


class AccountKind(models.TextChoices):
    RESIDENT = "bewoner", _("resident")
    INVITEE = "genodigde", _("invitee")


class PortalAccount(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="portal_account")
    kind = models.CharField(_("kind"), max_length=10, choices=AccountKind.choices)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="portal_accounts", verbose_name=_("client"))
    email = models.EmailField(_("e-mail"), unique=True, help_text=_("Stored in lower case."))
    password = models.CharField(max_length=128, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("portal account")
        verbose_name_plural = _("portal accounts")
        constraints = [
            models.CheckConstraint(condition=Q(kind="genodigde") | Q(client__isnull=False),
                                   name="portal_resident_has_client"),
            models.UniqueConstraint(fields=["client"], condition=Q(kind="bewoner"), name="portal_one_per_client"),
        ]

    def __str__(self):
        return self.email

    def set_password(self, raw: str) -> None:
        self.password = make_password(raw)

    def check_password(self, raw: str) -> bool:
        return bool(self.password) and check_password(raw, self.password)

    @property
    def is_resident(self) -> bool:
        return self.kind == AccountKind.RESIDENT


class Invitation(models.Model):
    """A single-use, expiring invitation: a link by e-mail and a printable code, both stored
    as hashes. Accepting it sets the account's password; withdrawing it ends an invitee's access."""

    kind = models.CharField(_("kind"), max_length=10, choices=AccountKind.choices)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="portal_invitations")
    client = models.ForeignKey(Client, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="portal_invitations", verbose_name=_("goal"))
    contact = models.ForeignKey(NetworkContact, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="portal_invitations", verbose_name=_("network contact"))
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("consent"))
    email = models.EmailField(_("e-mail"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("valid until"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    account = models.ForeignKey(PortalAccount, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="invitations")
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("portal invitation")
        verbose_name_plural = _("portal invitations")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="bewoner") & Q(client__isnull=False) & Q(goal__isnull=True))
                | (Q(kind="genodigde") & Q(goal__isnull=False) & Q(contact__isnull=False)),
                name="portal_invitation_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.email}"


class GoalProposal(models.Model):
    """A goal a resident proposes. It counts as a goal only once a worker sets it (then
    ``goal`` is the ``plans.Goal`` made with proposed_by = client)."""

    class Status(models.TextChoices):
        PROPOSED = "voorgesteld", _("proposed")
        SET = "vastgesteld", _("set as goal")
        DECLINED = "afgewezen", _("not taken over")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="goal_proposals")
    client = models.ForeignKey(Client, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("for whom"))
    domain = models.CharField(_("life domain"), max_length=60)
    description = models.TextField(_("what do you want to achieve?"))
    proposed_by = models.ForeignKey(PortalAccount, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(_("answer to the household"), blank=True)
    goal = models.OneToOneField(Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposal")

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("goal proposal")
        verbose_name_plural = _("goal proposals")

    def __str__(self):
        return self.description[:80]


class GoalComment(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="portal_comments")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"), max_length=2000)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("comment on a goal")
        verbose_name_plural = _("comments on goals")

    def __str__(self):
        return self.text[:80]


class ActionDone(models.Model):
    """A resident reports an action done; the worker sees it and changes the plan."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="portal_done")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    reported_by = models.ForeignKey(PortalAccount, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["action"], name="portal_action_done_once")]

    def __str__(self):
        return str(self.action)


class Message(models.Model):
    """A bericht between the household and its team; part of the dossier. Seen by its sender,
    the team and the members it is addressed to (``recipients``), no one else of the household
    (``portal.querysets.resident_messages``)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="portal_messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_household = models.BooleanField(default=True)
    sender = models.ForeignKey(Client, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                               verbose_name=_("sent by member"), db_index=False)
    recipients = models.ManyToManyField(Client, blank=True, related_name="+", verbose_name=_("for members"))
    text = models.TextField(_("message"), max_length=4000)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return self.text[:80]


class SharedDocument(models.Model):
    """A dossier document a worker shared with the household (shown in the portal)."""

    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="portal_share")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    shared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-shared_at", "-id"]

    def __str__(self):
        return str(self.document)


class EHealthApp(models.Model):
    """The e-health library: applications a generalist can offer on a goal (managed by beheer
    in the admin)."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    link = models.URLField(_("link"), max_length=500)
    domains = models.CharField(_("life domains"), max_length=300, blank=True,
                               help_text=_("ZRM domain codes, separated by commas (e.g. financien, huisvesting)."))
    cost = models.CharField(_("cost"), max_length=120, blank=True, help_text=_("E.g. free, or 5 euros a month."))
    needs_professional = models.BooleanField(_("needs a professional"), default=False,
                                             help_text=_("Only to be used together with a professional."))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("e-health application")
        verbose_name_plural = _("e-health applications")

    def __str__(self):
        return self.name

    @property
    def domain_codes(self) -> list[str]:
        return [code.strip() for code in self.domains.split(",") if code.strip()]


class GoalApplication(models.Model):
    """An e-health application a worker offered on a goal; the resident sees and opens it."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="ehealth_offers")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    app = models.ForeignKey(EHealthApp, on_delete=models.PROTECT, related_name="offers",
                            verbose_name=_("e-health application"))
    offered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    offered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["offered_at", "id"]
        constraints = [models.UniqueConstraint(fields=["goal", "app"], name="portal_app_once_per_goal")]

    def __str__(self):
        return str(self.app)
