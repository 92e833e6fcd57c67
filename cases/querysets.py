"""Team scoping. Every list, detail and API view starts from ``for_user(user)``."""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef

from cases.permissions import team_ids as _team_ids


class TeamQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(pk__in=_team_ids(user))


class DossierQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(team_id__in=_team_ids(user))

    def open(self):
        return self.filter(closed_on__isnull=True)

    def involving(self, user):
        """Dossiers the user leads or works on. A UNION of two index lookups (lead worker;
        involved workers) instead of ``lead_worker = u OR EXISTS (...)``, which makes
        PostgreSQL run the EXISTS once per open dossier."""
        from cases.models import Dossier

        involved = Dossier.workers.through.objects.filter(user=user).order_by().values("dossier_id")
        led = Dossier.objects.filter(lead_worker=user).order_by().values("pk")
        return self.filter(pk__in=involved.union(led))

    def waiting(self):
        """Registered, support not started, not closed: the waiting list."""
        return self.open().filter(support_started_on__isnull=True)


class ClientQuerySet(models.QuerySet):
    def for_user(self, user):
        DossierMember = apps.get_model("cases", "DossierMember")  # defined after this queryset
        return self.filter(
            Exists(
                DossierMember.objects.filter(client=OuterRef("pk"), dossier__team_id__in=_team_ids(user))
            )
        )
