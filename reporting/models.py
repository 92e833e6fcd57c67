"""Reporting tables: indicator rows per period, the bookkeeping of computations,
the working-day calendar used for set-based working-day arithmetic, and the
machine clients of the municipality's API."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from cases.models import Team


class IndicatorRowQuerySet(models.QuerySet):
    def with_computed_at(self):
        """Annotate each row with ``computed_at``: when its period was last computed. The time
        is the period's (``PeriodComputation``), not stored per row, so a recomputation that
        changes no figure writes no row (reporting.compute._store)."""
        computed = PeriodComputation.objects.filter(period=OuterRef("period")).values("computed_at")[:1]
        return self.annotate(computed_at=Subquery(computed))


class IndicatorRow(models.Model):
    period = models.CharField(_("period"), max_length=7)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, null=True, related_name="+")
    indicator = models.CharField(_("indicator"), max_length=60)
    dimension = models.CharField(_("dimension"), max_length=80, blank=True)
    value = models.FloatField(_("value"), null=True)
    count = models.IntegerField(_("count"))

    objects = IndicatorRowQuerySet.as_manager()

    class Meta:
        ordering = ["period", "team_id", "indicator", "dimension"]
        indexes = [models.Index(fields=["period", "indicator"], name="indicator_period")]
        verbose_name = _("indicator row")
        verbose_name_plural = _("indicator rows")

    def __str__(self):
        return f"{self.period} {self.team_id} {self.indicator} {self.dimension} = {self.value}"


class PeriodComputation(models.Model):
    """One row per computed period: when, how long, how many rows."""

    period = models.CharField(_("period"), max_length=7, unique=True)
    computed_at = models.DateTimeField(_("computed at"), null=True, help_text="Empty: never computed yet.")
    requested_at = models.DateTimeField(_("recomputation requested at"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    row_count = models.PositiveIntegerField(_("rows"))

    class Meta:
        ordering = ["-period"]
        verbose_name = _("computed period")
        verbose_name_plural = _("computed periods")

    def __str__(self):
        return self.period

    @property
    def pending(self) -> bool:
        """A recomputation was requested after the last computation."""
        return self.requested_at is not None and (self.computed_at is None or self.requested_at > self.computed_at)


class WorkingDay(models.Model):
    """Calendar: ``number`` counts the working days (Mon-Fri, no Dutch public holiday)
    up to and including ``day``, so working_days(a, b) = number(b) - number(a)."""

    day = models.DateField(primary_key=True)
    ordinal = models.IntegerField(help_text="day.toordinal(): calendar-day arithmetic without SQL date functions")
    number = models.IntegerField()

    def __str__(self):
        return f"{self.day} {self.number}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiClient(models.Model):
    """A read-only machine client of the indicators API. Only a hash of its token is kept."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_prefix = models.CharField(_("token starts with"), max_length=8, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")

    def __str__(self):
        return self.name

    @classmethod
    def create_with_token(cls, name: str) -> tuple["ApiClient", str]:
        token = secrets.token_urlsafe(32)
        client = cls.objects.create(name=name, token_hash=hash_token(token), token_prefix=token[:8])
        return client, token

    @property
    def is_authenticated(self) -> bool:
        return True


class FrozenVersion(models.Model):
    """Version ``number`` (1, 2, …) of a period's figures as they were when it was frozen
    (vastgesteld). Never changed or deleted: the service has no such path, the admin is
    read-only and on PostgreSQL a trigger refuses UPDATE and DELETE (docs/adr/0060)."""

    period = models.CharField(_("period"), max_length=7)
    number = models.PositiveIntegerField(_("version"))
    frozen_at = models.DateTimeField(_("frozen at"))
    frozen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("frozen by"))
    # Who froze it, as shown then: the version stays readable whatever happens to the account.
    frozen_by_name = models.CharField(_("frozen by (name)"), max_length=150)
    row_count = models.PositiveIntegerField(_("rows"))

    class Meta:
        ordering = ["period", "number"]
        constraints = [models.UniqueConstraint(fields=["period", "number"], name="frozen_version_unique")]
        verbose_name = _("frozen version")
        verbose_name_plural = _("frozen versions")

    def __str__(self):
        return f"{self.period} v{self.number}"


class FrozenRow(models.Model):
    """A copy of an ``IndicatorRow`` of the period at the moment its version was frozen
    (aggregates only: no personal data, so kept whatever the retention of dossiers)."""

    version = models.ForeignKey(FrozenVersion, on_delete=models.PROTECT, related_name="rows")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="+")
    indicator = models.CharField(_("indicator"), max_length=60)
    dimension = models.CharField(_("dimension"), max_length=80, blank=True)
    value = models.FloatField(_("value"), null=True)
    count = models.IntegerField(_("count"))
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        ordering = ["version", "team_id", "indicator", "dimension"]
        verbose_name = _("frozen indicator row")
        verbose_name_plural = _("frozen indicator rows")

    def __str__(self):
        return f"{self.version} {self.team_id} {self.indicator} {self.dimension} = {self.value}"
