"""Team scoping of the Wmo toegang rows (``cases.querysets.TeamScopedQuerySet``): a message,
a provider's request and a letter belong to the team of their dossier. A message whose
client is unknown has no dossier: only functional administrators see it (their own page)."""

from typing import Any

from cases.querysets import TeamScopedQuerySet


class MessageQuerySet(TeamScopedQuerySet[Any]):
    """iWmo messages of the dossiers of the user's teams."""


class RequestQuerySet(TeamScopedQuerySet[Any]):
    """Providers' requests (315, 317) for the dossiers of the user's teams."""


class LetterQuerySet(TeamScopedQuerySet[Any]):
    team_field = "referral__dossier__team_id"
