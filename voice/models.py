"""The client-experience questionnaire (cliëntervaring, client-voice.md).

The statements are data, versioned like the ZRM instruments: a ``StatementSet`` (a
version, managed by functional administration) holds its ordered statements in B1 Dutch.
One ``Questionnaire`` per dossier, answered by a member, with its answers as
``{statement code: "1".."5" | "weet_niet"}`` (a statement not answered has no key).
Figures count answers only, never who gave them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.models import Client, Dossier, new_ref
from voice.querysets import QuestionnaireQuerySet

AGREE = ("1", "2")  # helemaal mee eens, mee eens
SCALE = ("1", "2", "3", "4", "5")
DONT_KNOW = "weet_niet"
ANSWERS = (*SCALE, DONT_KNOW)


class StatementSet(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    active = models.BooleanField(_("active"), default=True, help_text=_("Offered for new questionnaires."))

    class Meta:
        ordering = ["code"]
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")

    def __str__(self) -> str:
        return self.name


class Statement(models.Model):
    statement_set = models.ForeignKey(StatementSet, on_delete=models.CASCADE, related_name="statements")
    code = models.SlugField(_("code"), max_length=40)
    text = models.CharField(_("statement"), max_length=200, help_text=_("In plain language (B1)."))
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["statement_set", "order"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [
            models.UniqueConstraint(fields=["statement_set", "code"], name="voice_statement_unique"),
            models.UniqueConstraint(fields=["statement_set", "order"], name="voice_statement_order_unique"),
        ]

    def __str__(self) -> str:
        return self.text


class Channel(models.TextChoices):
    PORTAL = "portaal", _("portal")
    PAPER = "papier", _("paper")
    PHONE = "telefoon", _("phone")


class Questionnaire(models.Model):
    ref = models.CharField(_("source key"), max_length=64, unique=True, default=new_ref)
    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="questionnaire")
    client = models.ForeignKey(Client, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("answered by"))
    statement_set = models.ForeignKey(StatementSet, on_delete=models.PROTECT, related_name="+",
                                      verbose_name=_("version"))
    answered_on = models.DateField(_("answered on"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    answers = models.JSONField(_("answers"), default=dict, blank=True,
                               help_text='{statement code: "1".."5" or "weet_niet"}')
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        ordering = ["answered_on", "id"]
        verbose_name = _("client-experience questionnaire")
        verbose_name_plural = _("client-experience questionnaires")
        indexes = [models.Index(fields=["answered_on"], name="voice_questionnaire_date"),
                   models.Index(fields=["client"], name="voice_questionnaire_client",
                                condition=models.Q(client__isnull=False))]

    def __str__(self) -> str:
        return f"{self.dossier} {self.answered_on:%d-%m-%Y}"


class Invitation(models.Model):
    """The questionnaire offered in the portal when a dossier closes: one reminder after a week."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="questionnaire_invitation")
    invited_at = models.DateTimeField(auto_now_add=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("questionnaire invitation")
        verbose_name_plural = _("questionnaire invitations")

    def __str__(self) -> str:
        return f"{self.dossier} {self.invited_at:%d-%m-%Y}"
