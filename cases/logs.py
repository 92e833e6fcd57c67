"""The two append-only logs of the base app (``cases.appendonly``): the access log (who saw
whose personal data, NEN 7513; docs/adr/0005) and the change history (who changed what;
``cases.history`` writes it, docs/adr/0101). They refer to clients and dossiers by id, not
by a constraint: an entry outlives the row it is about until the retention term."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.appendonly import AppendOnlyModel


class AccessAction(models.TextChoices):
    VIEW = "view", _("viewed")
    CREATE = "create", _("created")
    CHANGE = "change", _("changed")
    EXPORT = "export", _("exported")
    SEARCH = "search", _("searched")


class AccessLogEntry(AppendOnlyModel):
    """NEN 7513-style access log: who did what with whose personal data, when, from where.

    Append-only: the model refuses updates and deletes, and on PostgreSQL a trigger
    refuses them in the database too (migration 0002)."""

    append_only_message = "The access log is append-only."

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("user")
    )
    action = models.CharField(_("action"), max_length=10, choices=AccessAction.choices)
    client = models.ForeignKey(
        "cases.Client", on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+",
        verbose_name=_("client"),
    )
    dossier = models.ForeignKey(
        "cases.Dossier", on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+",
        verbose_name=_("dossier"),
    )
    remote_addr = models.GenericIPAddressField(_("address"), null=True)
    path = models.CharField(_("page"), max_length=300, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [
            models.Index(fields=["client", "at"], name="accesslog_client"),
            models.Index(fields=["dossier", "at"], name="accesslog_dossier"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action}"


class ChangeAction(models.TextChoices):
    CREATED = "created", _("created")
    CHANGED = "changed", _("changed")
    REMOVED = "removed", _("removed")
    IMPORTED = "imported", _("imported")


class ChangeRecord(AppendOnlyModel):
    """One change of one object: ``changes`` is ``{field: [old, new]}`` (JSON values)."""

    append_only_message = "The change history is append-only."

    at = models.DateTimeField(_("when"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=10, choices=ChangeAction.choices)
    model = models.CharField(_("kind"), max_length=60)  # "app_label.modelname"
    object_id = models.BigIntegerField(_("object"), null=True)
    # The dossier and client the object belongs to (not foreign keys: the record outlives the
    # object; ``erase`` removes it with a destroyed dossier or client).
    dossier = models.ForeignKey(
        "cases.Dossier", on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+",
        verbose_name=_("dossier"),
    )
    client = models.ForeignKey(
        "cases.Client", on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+",
        verbose_name=_("client"),
    )
    changes = models.JSONField(_("changes"), default=dict)

    class Meta:
        app_label = "cases"
        ordering = ["-at", "-id"]
        verbose_name = _("change")
        verbose_name_plural = _("change history")
        indexes = [
            models.Index(fields=["dossier", "at"], name="change_dossier"),
            models.Index(fields=["client", "at"], name="change_client"),
            models.Index(fields=["model", "object_id"], name="change_object"),
        ]

    def __str__(self):
        return f"{timezone.localtime(self.at):%d-%m-%Y %H:%M} {self.get_action_display()} ({self.object_id})"


# ---- who ------------------------------------------------------------------------------------
