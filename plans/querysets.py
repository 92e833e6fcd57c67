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
