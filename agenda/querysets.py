"""Team scoping of appointments, calendar feeds and letters (``cases.querysets.TeamScopedQuerySet``):
an appointment and a letter belong to the team of their dossier."""

from typing import Any

from cases.querysets import TeamScopedQuerySet


class AppointmentQuerySet(TeamScopedQuerySet[Any]):
    """Appointments on the dossiers of the user's teams."""

    def planned(self) -> "AppointmentQuerySet":
        return self.filter(outcome="")

    def of_worker(self, user: Any) -> "AppointmentQuerySet":
        return self.filter(workers=user)

    def between(self, start: Any, end: Any) -> "AppointmentQuerySet":
        """Appointments overlapping [start, end)."""
        return self.filter(starts_at__lt=end, ends_at__gt=start)


class LetterQuerySet(TeamScopedQuerySet[Any]):
    """Letters made for the dossiers of the user's teams."""
