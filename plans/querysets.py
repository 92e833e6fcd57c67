"""Team scoping of plan data: every list, detail and export starts from ``for_user``."""

from django.db import models


def _team_ids(user):
    from cases.permissions import team_ids

    return team_ids(user)


class PlanQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(dossier__team_id__in=_team_ids(user))


class DossierPartQuerySet(models.QuerySet):
    """Goals, actions and network contacts: scoped by their dossier's team."""

    def for_user(self, user):
        return self.filter(dossier__team_id__in=_team_ids(user))


class ConsentQuerySet(models.QuerySet):
    """Consent (toestemming, plan.md). A consent given within a dossier is seen by that
    dossier's team; one given without a dossier by every team with a dossier of the client
    (docs/adr/0100)."""

    def for_user(self, user):
        from django.apps import apps
        from django.db.models import Exists, OuterRef, Q

        DossierMember = apps.get_model("cases", "DossierMember")
        teams = _team_ids(user)
        member_of_team = DossierMember.objects.filter(client=OuterRef("client_id"), dossier__team_id__in=teams)
        return self.filter(Q(dossier__team_id__in=teams) | Q(Q(dossier__isnull=True) & Exists(member_of_team)))

    def in_force(self, day):
        """In force on day d: given_on <= d, and not expired or withdrawn on or before d."""
        from django.db.models import Q

        return self.filter(
            Q(given_on__lte=day),
            Q(expires_on__isnull=True) | Q(expires_on__gt=day),
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day),
        )
