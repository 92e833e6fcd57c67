"""Factories of the agenda tests and demo data: appointments planned through the service
(so the rules hold) and a letter made from a shipped template."""

import datetime as dt
from typing import Any, cast

from django.utils import timezone

from agenda import services
from agenda.models import Appointment, Kind
from cases.models import Dossier, Role, Team


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A moment of a local day (Europe/Amsterdam), aware."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def team_worker(dossier: Dossier) -> Any:
    from cases.factories import user_with_role

    member = dossier.team.memberships.filter(role__in=[Role.GENERALIST, Role.TEAMCOACH]).select_related("user").first()
    if member is not None:
        return member.user
    return user_with_role(Role.GENERALIST, dossier.team, username=f"werker-{dossier.team.code}")


def appointment(dossier: Dossier | None = None, *, user: Any = None, kind: str = Kind.HOME_VISIT,
                starts_at: dt.datetime | None = None, minutes: int = 60, place_kind: str = "thuis",
                workers: list[Any] | None = None, **fields: Any) -> Appointment:
    """A planned appointment (tomorrow 10:00 unless ``starts_at``) with the household's applicant."""
    if dossier is None:
        from cases.factories import TeamFactory, household

        dossier = household(cast(Team, TeamFactory()))
    worker = user or team_worker(dossier)
    starts_at = starts_at or at(timezone.localdate() + dt.timedelta(days=1), 10)
    members = [m.client for m in dossier.members.select_related("client").order_by("id")[:1]]
    return services.plan(dossier, user=worker, kind=kind, starts_at=starts_at,
                         ends_at=starts_at + dt.timedelta(minutes=minutes), place_kind=place_kind,
                         workers=workers or [worker], members=members, confirm_conflicts=True, **fields)


def letter_template(dossier: Dossier | None = None) -> Any:
    """A shipped letter template (installed by the data migration)."""
    from agenda.models import LetterTemplate

    return LetterTemplate.objects.get(code="afsluiting")


def letter(dossier: Dossier) -> Any:
    """A closing letter to the household's applicant, made through the service."""
    member = dossier.members.select_related("client").order_by("id").first()
    assert member is not None
    return services.make_letter(dossier, user=team_worker(dossier), template=letter_template(), client=member.client)
