"""Team scoping of the front door (``cases.querysets.TeamScopedQuerySet``): a short contact and
a signal belong to their own team (``team``), not to a dossier's. An unrouted signal has no
team: only functional administrators see it (the queue of ``frontdoor.views_beheer``)."""

from typing import Any

from django.db.models import Q

from cases.querysets import TeamScopedQuerySet


class ShortContactQuerySet(TeamScopedQuerySet[Any]):
    team_field = "team_id"


class SignalQuerySet(TeamScopedQuerySet[Any]):
    team_field = "team_id"

    def unrouted(self) -> "SignalQuerySet":
        return self.filter(team__isnull=True)

    def open(self) -> "SignalQuerySet":
        return self.filter(outcome="")

    def address(self, postcode: str, house_number: int, addition: str) -> "SignalQuerySet":
        return self.filter(Q(postcode=postcode, house_number=house_number,
                             house_number_addition__iexact=addition))
