"""Tasks and signals.

A task is something to do for a dossier: a title, an assignee (a worker of the team, or
the team as a whole when empty), a due date, done or not. A signal is a task the system
raises itself (``signal`` names the condition, ``signal_key`` which occurrence: the
milestone, the referral, the goal) and closes itself (``resolved_at``) when the condition
is gone; ``work.signals`` derives them. A unique constraint keeps one task per dossier,
signal and key, however often the derivation runs."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Dossier
from work.querysets import TaskQuerySet


class Signal(models.TextChoices):
    BASELINE_MISSING = "nulmeting_ontbreekt", _("nulmeting missing 6 weeks after registration")
    INTERIM_DUE = "tussenmeting", _("tussenmeting due")
    GOAL_OVERDUE = "doel_verlopen", _("goal past its target date")
    REFERRAL_PENDING = "verwijzing_wacht", _("referral requested more than 4 weeks ago")
    CARE_ENDING = "zorg_eindigt", _("care ends within 8 weeks")
    WAITING = "wacht_op_start", _("waiting for support more than 10 working days")
    NO_LEAD_WORKER = "geen_regisseur", _("transferred dossier without a lead worker")
    ONDERZOEK_DUE = "onderzoek_termijn", _("Wmo onderzoek: report due within 2 weeks")
    EARLY_SIGNAL_OVERDUE = "vroegsignaal_termijn", _("early signal of arrears: no attempt within 10 working days")


class Task(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="tasks", db_index=False)
    title = models.CharField(_("task"), max_length=200)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="tasks",
        verbose_name=_("assigned to"), help_text=_("Empty: the team as a whole."),
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    signal = models.CharField(_("signal"), max_length=30, choices=Signal.choices, blank=True)
    signal_key = models.CharField(max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=False
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True,
                                       help_text="A signal whose condition is gone.")

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [
            models.Index(fields=["dossier", "signal"], name="task_dossier"),
            models.Index(fields=["assignee", "due_on"], name="task_open_assignee",
                         condition=Q(done_at__isnull=True, resolved_at__isnull=True)),
        ]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "signal", "signal_key"], condition=~Q(signal=""),
                                    name="task_one_signal_per_occurrence"),
            models.CheckConstraint(condition=~Q(signal="") | Q(signal_key="") & Q(resolved_at__isnull=True),
                                   name="task_signal_fields_only_for_signals"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.done_at is None and self.resolved_at is None

    @property
    def is_signal(self) -> bool:
        return bool(self.signal)
