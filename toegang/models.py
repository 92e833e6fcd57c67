"""Wmo toegang above maatwerk (wmo-toegang.md): the iWmo messages exchanged with providers,
stored whole; the providers' requests (315, 317) in the team's queue; and the beschikking
letters kept with their referral. The melding and the allocation itself are maatwerk's
(``maatwerk.models.Melding``, ``Referral``); the rules are in ``toegang.messaging``,
``toegang.requests`` and ``toegang.letters``."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cases.models import Client, Dossier
from maatwerk.models import Provider, Referral
from toegang.querysets import LetterQuerySet, MessageQuerySet, RequestQuerySet


class Direction(models.TextChoices):
    IN = "in", _("received")
    OUT = "uit", _("sent")


class Kind(models.TextChoices):
    ALLOCATION = "301", _("301 allocation (toewijzing)")
    STARTED = "305", _("305 delivery started")
    STOPPED = "307", _("307 delivery stopped")
    REQUEST = "315", _("315 request for an allocation")
    CHANGE_REQUEST = "317", _("317 request for a change")
    ANSWER = "319", _("319 answer to a request")


class MessageStatus(models.TextChoices):
    READY = "klaar", _("ready to send")
    SENT = "verzonden", _("sent")
    PROCESSED = "verwerkt", _("processed")
    DUPLICATE = "dubbel", _("duplicate, not processed again")
    REFUSED = "geweigerd", _("refused")


class Message(models.Model):
    """One iWmo message, in or out, as it was sent or received (``xml``), with what the header
    says and what became of it. A refused message changed nothing; ``reasons`` say why."""

    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    kind = models.CharField(_("message"), max_length=3, choices=Kind.choices)
    sender = models.CharField(_("sender"), max_length=8, blank=True)
    receiver = models.CharField(_("receiver"), max_length=8, blank=True)
    identification = models.CharField(_("message identification"), max_length=12, blank=True)
    dated_on = models.DateField(_("dated"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=MessageStatus.choices)
    reasons = models.JSONField(_("reasons of refusal"), default=list, blank=True)
    xml = models.TextField(_("message (XML)"))
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    # Who it is about, once known: the team of the dossier sees it; without a dossier only beheer.
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="iwmo_messages", db_index=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               db_index=False, verbose_name=_("client"))
    referrals = models.ManyToManyField(Referral, blank=True, related_name="iwmo_messages",
                                       verbose_name=_("referrals"))
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("iWmo message")
        verbose_name_plural = _("iWmo messages")
        indexes = [
            models.Index(fields=["dossier", "created_at"], name="iwmo_message_dossier"),
            models.Index(fields=["client"], name="iwmo_message_client", condition=Q(client__isnull=False)),
            models.Index(fields=["status", "direction"], name="iwmo_message_status"),
        ]
        constraints = [
            # a BerichtIdentificatie is processed once per sender (a repeat is a duplicate)
            models.UniqueConstraint(fields=["sender", "identification"],
                                    condition=Q(direction="in", status="verwerkt"),
                                    name="iwmo_message_processed_once"),
            models.UniqueConstraint(fields=["identification"], condition=Q(direction="uit"),
                                    name="iwmo_message_sent_identification"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.identification}"

    def get_absolute_url(self) -> str:
        return reverse("toegang:message", args=[self.pk])


class RequestStatus(models.TextChoices):
    OPEN = "open", _("awaiting a decision")
    GRANTED = "toegekend", _("granted")
    REFUSED = "afgewezen", _("refused")
    INVESTIGATED = "onderzoek", _("taken into onderzoek")


class RefusalReason(models.TextChoices):
    """iWmo RedenAfwijzingVerzoek."""

    NEW_REQUEST = "1", _("not a change but a new request")
    BUDGET = "2", _("does not fit the budget")
    NO_CONTRACT = "3", _("no contract")
    NOT_IN_CONTRACT = "4", _("does not fit the contract")
    OTHER_MUNICIPALITY = "5", _("another municipality")
    STACKING = "6", _("stacking of care (stapeling)")
    CARE_CONTENT = "7", _("refused on the content of the care")
    RESIDENCE = "8", _("residence principle (woonplaatsbeginsel)")
    AGE_LIMIT = "9", _("age limit reached")


class ProviderRequest(models.Model):
    """A provider's request (315: a new allocation; 317: a change), in the team's queue until
    it is decided like an aanvraag: granted (answered with a 301), refused or taken into
    onderzoek (answered with a 319). ``items`` are the requested products as the message
    says them (category, code, dates, omvang; for a change the allocation number)."""

    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="request")
    kind = models.CharField(_("request"), max_length=3, choices=Kind.choices)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="provider_requests",
                                db_index=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="+", db_index=False,
                               verbose_name=_("client"))
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="+", db_index=False,
                                 verbose_name=_("provider"))
    reference = models.CharField(_("provider's reference"), max_length=36)
    received_on = models.DateField(_("received on"))
    items = models.JSONField(_("requested"), default=list)
    comment = models.TextField(_("comment of the provider"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    refusal_reason = models.CharField(_("reason of refusal"), max_length=1, choices=RefusalReason.choices,
                                      blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", db_index=False)
    referrals = models.ManyToManyField(Referral, blank=True, related_name="provider_requests")

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("request of a provider")
        verbose_name_plural = _("requests of providers")
        indexes = [
            models.Index(fields=["dossier", "status"], name="provider_request_dossier"),
            models.Index(fields=["client"], name="provider_request_client"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_on:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("toegang:request", args=[self.pk])

    @property
    def deadline(self) -> dt.date:
        from maatwerk.models import BESCHIKKING_TERM

        return self.received_on + BESCHIKKING_TERM


class LetterKind(models.TextChoices):
    GRANTED = "toekenning", _("decision: granted")
    REJECTED = "afwijzing", _("decision: rejected")
    CHANGED = "wijziging", _("decision: allocation changed")
    REDECIDED = "heroverweging", _("new decision after an objection")


class Letter(models.Model):
    """A beschikking as the client received it (PDF), kept with its referral, shared in the
    portal and part of the inzage. A new decision or a change is a new letter."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(_("letter"), max_length=14, choices=LetterKind.choices)
    issued_on = models.DateField(_("date of the letter"))
    pdf = models.BinaryField(_("PDF"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", db_index=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("beschikking letter")
        verbose_name_plural = _("beschikking letters")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.issued_on:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("toegang:letter", args=[self.pk])

    @property
    def file_name(self) -> str:
        return f"beschikking-{self.referral_id}-{self.issued_on:%Y%m%d}-{self.pk}.pdf"
