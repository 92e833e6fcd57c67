"""Team scoping of plan data: every list, detail and export starts from ``for_user``."""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q

from cases.permissions import team_ids
from cases.querysets import TeamScopedQuerySet


class PlanQuerySet(TeamScopedQuerySet):
    """Plans, goals, actions and network contacts: scoped by their dossier's team."""


class ConsentQuerySet(models.QuerySet):
    """Consent (toestemming, plan.md). A consent given within a dossier is seen by that
    dossier's team; one given without a dossier by every team with a dossier of the client
    (docs/adr/0100)."""

    def for_user(self, user):
        DossierMember = apps.get_model("cases", "DossierMember")
        teams = team_ids(user)
        member_of_team = DossierMember.objects.filter(client=OuterRef("client_id"), dossier__team_id__in=teams)
        return self.filter(Q(dossier__team_id__in=teams) | Q(Q(dossier__isnull=True) & Exists(member_of_team)))

    def in_force(self, day):
        """In force on day d: given_on <= d, and not expired or withdrawn on or before d."""
        return self.filter(
            Q(given_on__lte=day),
            Q(expires_on__isnull=True) | Q(expires_on__gt=day),
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day),
        )
