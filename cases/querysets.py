"""Team scoping. Every list, detail, export and API view starts from ``for_user(user)``.

``TeamScopedQuerySet`` is the one base of every app's scoping (docs/adr/0140): a model's
rows belong to the team its ``team_field`` leads to, ``dossier__team_id`` for the rows of
a dossier. An app whose rows are scoped otherwise (a confidential journal entry) overrides
``for_user`` and still starts from ``team_ids(user)``."""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef

from cases.permissions import team_ids


class TeamScopedQuerySet(models.QuerySet):
    """Rows of the user's teams (another team's rows do not exist for the user: a 404)."""

    team_field = "dossier__team_id"

    def for_user(self, user):
        return self.filter(**{f"{self.team_field}__in": team_ids(user)})


class TeamQuerySet(TeamScopedQuerySet):
    team_field = "pk"


class DossierQuerySet(TeamScopedQuerySet):
    team_field = "team_id"

    def open(self):
        return self.filter(closed_on__isnull=True)

    def involving(self, user):
        """Dossiers the user leads or works on. A UNION of two index lookups (lead worker;
        involved workers) instead of ``lead_worker = u OR EXISTS (...)``, which makes
        PostgreSQL run the EXISTS once per open dossier."""
        Dossier = self.model
        involved = Dossier.workers.through.objects.filter(user=user).order_by().values("dossier_id")  # type: ignore[attr-defined]
        led = Dossier._default_manager.filter(lead_worker=user).order_by().values("pk")
        return self.filter(pk__in=involved.union(led))

    def waiting(self):
        """Registered, support not started, not closed: the waiting list."""
        return self.open().filter(support_started_on__isnull=True)


class ClientQuerySet(models.QuerySet):
    def for_user(self, user):
        DossierMember = apps.get_model("cases", "DossierMember")  # defined after this queryset
        return self.filter(
            Exists(
                DossierMember.objects.filter(client=OuterRef("pk"), dossier__team_id__in=team_ids(user))
            )
        )
