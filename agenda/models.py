"""Appointments (afspraken) on a dossier and the letters (brieven) written from templates.

An appointment is planned on a dossier for one or more workers and the household members
taking part; its outcome (held, no-show, cancelled and by whom) is recorded once, by
``agenda.services``, which also fills the dossier's first contact or start of support
from it. A worker's calendar feed (iCalendar) is reached by a secret token, stored only as
its hash; every fetch is logged. Letter templates hold plain text with ``{field}``
placeholders from a fixed list (``agenda.letters.FIELDS``): no template code."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agenda.querysets import AppointmentQuerySet, LetterQuerySet
from cases.models import Client, Dossier, Location, new_ref
from journal.models import Document


class Kind(models.TextChoices):
    INTAKE = "kennismakingsgesprek", _("first conversation (kennismakingsgesprek)")
    HOME_VISIT = "huisbezoek", _("home visit")
    OFFICE = "gesprek_kantoor", _("conversation at the office")
    PHONE = "telefonisch", _("by phone")
    NETWORK = "netwerkberaad", _("network meeting (netwerkberaad)")
    OTHER = "overig", _("other")


class Outcome(models.TextChoices):
    PLANNED = "", _("planned")
    HELD = "gehouden", _("held")
    NO_SHOW = "niet_verschenen", _("did not show up")
    CANCELLED = "afgezegd", _("cancelled")


class CancelledBy(models.TextChoices):
    CLIENT = "client", _("by the resident")
    TEAM = "team", _("by the team")
    OTHER = "anders", _("by someone else")


class Appointment(models.Model):
    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="appointments", db_index=False,
                                verbose_name=_("dossier"))
    kind = models.CharField(_("kind"), max_length=25, choices=Kind.choices)
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    place_kind = models.CharField(_("where"), max_length=10, choices=Location.choices)
    place = models.CharField(_("place"), max_length=200, blank=True,
                             help_text=_("Address or room; empty for the resident's home."))
    workers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="appointments",
                                     verbose_name=_("workers"))
    worker_refs = models.CharField(
        _("workers (source system)"), max_length=300, blank=True,
        help_text=_("The source system's worker identifiers that match no user, separated by ;."))
    members = models.ManyToManyField(Client, blank=True, related_name="+", verbose_name=_("taking part"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True, default="")
    cancelled_by = models.CharField(_("cancelled"), max_length=10, choices=CancelledBy.choices, blank=True)
    outcome_recorded_on = models.DateField(_("outcome recorded on"), null=True, blank=True, editable=False)
    outcome_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("outcome recorded by"))
    outcome_by_ref = models.CharField(_("outcome recorded by (source system)"), max_length=150, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("planned by"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        indexes = [
            models.Index(fields=["dossier", "starts_at"], name="appointment_dossier"),
            models.Index(fields=["starts_at"], name="appointment_starts"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="appointment_ends_after_start"),
            models.CheckConstraint(condition=Q(outcome="afgezegd") | Q(cancelled_by=""),
                                   name="appointment_cancelled_by_only_when_cancelled"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%d-%m-%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("agenda:appointment", args=[self.pk])

    @property
    def is_planned(self) -> bool:
        return self.outcome == Outcome.PLANNED


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(models.Model):
    """A worker's subscription address. Only the token's hash is kept: the address is shown
    once, when it is made; making a new one revokes the old one."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token_hash = models.CharField(max_length=64, unique=True)
    show_dossier_number = models.BooleanField(
        _("show the dossier number"), default=False,
        help_text=_("Off: the calendar shows only the kind, time and place kind of an appointment."))
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%d-%m-%Y})"


class FeedFetch(models.Model):
    """Every fetch of a calendar feed: when, from where, how many appointments it held."""

    feed = models.ForeignKey(CalendarFeed, on_delete=models.CASCADE, related_name="fetches")
    fetched_at = models.DateTimeField(auto_now_add=True)
    remote_addr = models.GenericIPAddressField(null=True)
    user_agent = models.CharField(max_length=200, blank=True)
    appointments = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-fetched_at", "-id"]

    def __str__(self) -> str:
        return f"{self.feed_id} {self.fetched_at:%d-%m-%Y %H:%M}"


class ReminderOptOut(models.Model):
    """A resident who asked, in the portal, not to be reminded of appointments by e-mail."""

    client = models.OneToOneField(Client, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.client_id)


class LetterTemplate(models.Model):
    """A letter in plain Dutch (B1) kept by functional administration. ``body`` is text with
    ``{field}`` placeholders from ``agenda.letters.FIELDS`` only."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title of the letter"), max_length=160)
    body = models.TextField(_("text"), help_text=_("Use the fields below between braces, for example {naam}."))
    needs_appointment = models.BooleanField(_("about an appointment"), default=False)
    active = models.BooleanField(_("in use"), default=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("letter template")

    def __str__(self) -> str:
        return self.name


class Letter(models.Model):
    """A letter made for a dossier: its PDF is a dossier document (``journal.Document``)."""

    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="letters", db_index=False)
    template = models.ForeignKey(LetterTemplate, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("letter"))
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="+", db_index=False,
                               verbose_name=_("addressed to"))
    appointment = models.ForeignKey(Appointment, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="letters", verbose_name=_("appointment"))
    document = models.OneToOneField(Document, on_delete=models.PROTECT, related_name="letter")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("made by"))
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("letter")
        indexes = [models.Index(fields=["dossier", "created_at"], name="letter_dossier")]

    def __str__(self) -> str:
        return f"{self.template.name} {self.created_at:%d-%m-%Y}"
