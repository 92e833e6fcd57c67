"""Freezing periods (vastgestelde cijfers, indicators.md "Figures that do not change afterwards").

``freeze_period`` is the one entry point: the management command and the policy staff's
"vaststellen" button call it. It copies the current rows of a period (a quarter with its
three months) into a new version of each; a version is never changed or deleted (there is
no function for it here, the admin is read-only and PostgreSQL refuses it, docs/adr/0060).

A period that was never computed is computed first (with the same ``compute_periods`` the
nightly task runs), so a version is never an accidental empty one; a period that is being
recomputed is frozen as it stands: the current rows are what the API serves right now."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from cases.models import Team
from reporting.compute import compute_periods, expand
from reporting.models import FrozenRow, FrozenVersion, IndicatorRow, PeriodComputation
from reporting.periods import Period

COMMAND_USER_NAME = "freeze_indicators"  # frozen_by_name of a version frozen by the command without --user


def frozen_by_name(user) -> str:
    if user is None:
        return COMMAND_USER_NAME
    return (user.get_full_name() or user.get_username())[:150]


def freeze_period(period: Period | str, user=None) -> list[FrozenVersion]:
    """Freeze ``period`` (a quarter with its months): each gets version n+1 of its own
    numbering, holding a copy of its current rows. Returns the new versions, the period first."""
    period = Period.parse(period) if isinstance(period, str) else period
    periods = expand([period])
    codes = [p.code for p in periods]
    with transaction.atomic():
        PeriodComputation.objects.bulk_create(
            [PeriodComputation(period=code, computed_at=None, duration_ms=0, row_count=0) for code in codes],
            ignore_conflicts=True,
        )
        # Lock the periods: a recomputation (which locks the same rows) waits until the copy
        # is done, and two freezes of one period take turns (the unique version number too).
        computations = list(PeriodComputation.objects.select_for_update().filter(period__in=codes))
        if any(c.computed_at is None for c in computations):
            compute_periods([period])
        frozen_at = timezone.now()
        name = frozen_by_name(user)
        numbers = dict(
            FrozenVersion.objects.filter(period__in=codes).values("period").annotate(n=Max("number"))
            .values_list("period", "n")
        )
        versions = []
        for code in codes:
            rows = list(IndicatorRow.objects.filter(period=code).with_computed_at().order_by("id").values_list(
                "team_id", "indicator", "dimension", "value", "count", "computed_at"))
            version = FrozenVersion.objects.create(
                period=code, number=numbers.get(code, 0) + 1, frozen_at=frozen_at, frozen_by=user,
                frozen_by_name=name, row_count=len(rows),
            )
            FrozenRow.objects.bulk_create(
                (FrozenRow(version=version, team_id=team_id, indicator=indicator, dimension=dimension, value=value,
                           count=count, computed_at=computed_at)
                 for team_id, indicator, dimension, value, count, computed_at in rows),
                batch_size=2000,
            )
            versions.append(version)
    return versions


def latest_version(period: Period | str) -> FrozenVersion | None:
    """The latest frozen version of a period (one indexed query), or None. Its number is
    part of any cache key of the period's figures: freezing changes what ``version=frozen``
    answers."""
    code = period if isinstance(period, str) else period.code
    return FrozenVersion.objects.filter(period=code).order_by("-number").first()


def get_version(period: Period | str, number: int | None = None) -> FrozenVersion | None:
    """Version ``number`` of the period, or the latest when ``number`` is None."""
    if number is None:
        return latest_version(period)
    code = period if isinstance(period, str) else period.code
    return FrozenVersion.objects.filter(period=code, number=number).first()


@dataclass(frozen=True)
class Revision:
    """A (team, indicator, dimension) whose current value differs from the frozen one, or
    that exists on one side only (None: that side has no row)."""

    team_id: int | None
    team_code: str | None
    indicator: str
    dimension: str
    frozen_value: float | None
    current_value: float | None
    frozen_count: int | None
    current_count: int | None
    frozen_exists: bool
    current_exists: bool


def revisions(version: FrozenVersion, *, team_ids=None) -> list[Revision]:
    """The differences between ``version`` and the current rows of its period (api.md
    Additions v2): a null against a number is a difference, a change of count alone is not.
    Ordered by team code (all-teams first), indicator, dimension; ``team_ids`` limits the teams
    (None: all; the all-teams rows are always included)."""
    frozen_rows = FrozenRow.objects.filter(version=version)
    current_rows = IndicatorRow.objects.filter(period=version.period)
    if team_ids is not None:
        frozen_rows = frozen_rows.filter(_team_filter(team_ids))
        current_rows = current_rows.filter(_team_filter(team_ids))
    fields = ("team_id", "indicator", "dimension", "value", "count")
    frozen = {(t, i, d): (v, c) for t, i, d, v, c in frozen_rows.values_list(*fields)}
    current = {(t, i, d): (v, c) for t, i, d, v, c in current_rows.values_list(*fields)}
    keys = frozen.keys() | current.keys()
    codes = dict(Team.objects.filter(pk__in={k[0] for k in keys}).values_list("pk", "code")) if keys else {}
    found = []
    for key in keys:
        before, now = frozen.get(key), current.get(key)
        if before is not None and now is not None and before[0] == now[0]:
            continue
        team_id, indicator, dimension = key
        found.append(Revision(
            team_id, codes.get(team_id), indicator, dimension,
            frozen_value=before[0] if before else None, current_value=now[0] if now else None,
            frozen_count=before[1] if before else None, current_count=now[1] if now else None,
            frozen_exists=before is not None, current_exists=now is not None,
        ))
    found.sort(key=lambda r: (r.team_code is not None, r.team_code or "", r.indicator, r.dimension))
    return found


def _team_filter(team_ids) -> Q:
    return Q(team__isnull=True) | Q(team_id__in=team_ids)
