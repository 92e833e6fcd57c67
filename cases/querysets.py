"""Team scoping. Every list, detail and API view starts from ``for_user(user)``."""

from django.db import models
from django.db.models import Exists, OuterRef


def _team_ids(user):
    from cases.access import team_ids

    return team_ids(user)


class TeamQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(pk__in=_team_ids(user))


class DossierQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(team_id__in=_team_ids(user))

    def open(self):
        return self.filter(closed_on__isnull=True)

    def waiting(self):
        """Registered, support not started, not closed: the waiting list."""
        return self.open().filter(support_started_on__isnull=True)


class ClientQuerySet(models.QuerySet):
    def for_user(self, user):
        from cases.models import DossierMember

        return self.filter(
            Exists(
                DossierMember.objects.filter(client=OuterRef("pk"), dossier__team_id__in=_team_ids(user))
            )
        )
