"""Team scoping of referrals (``cases.querysets.TeamScopedQuerySet``) and the catalogue
of active products with their active providers."""

from django.apps import apps
from django.db import models
from django.db.models import Prefetch

from cases.querysets import TeamScopedQuerySet


class ReferralQuerySet(TeamScopedQuerySet):
    """Referrals of the dossiers of the user's teams."""


class MeldingQuerySet(TeamScopedQuerySet):
    """Wmo meldingen of the dossiers of the user's teams."""


class ProductQuerySet(models.QuerySet):
    def catalogue(self):
        """Active products with the active providers that offer them (the referral forms)."""
        Provider = apps.get_model("maatwerk", "Provider")  # defined after Product
        return self.filter(active=True).order_by("category", "name").prefetch_related(
            Prefetch("providers", queryset=Provider.objects.filter(active=True).order_by("name")))
