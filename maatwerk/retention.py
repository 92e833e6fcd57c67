"""Maatwerk's part of destruction and inzage (cases.extensions; docs/adr/0110, 0112).
Referrals go with their dossier (the figures of past periods are kept as computed)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from cases.extensions import InzageSection, delete_by, readable_rows
from maatwerk.models import Melding, Referral, StatusChange


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict:
    counts = delete_by("referral__dossier_id", dossier_ids, StatusChange)
    counts.update(delete_by("dossier_id", dossier_ids, Referral))
    counts.update(delete_by("dossier_id", dossier_ids, Melding))  # after the referrals that name them
    return counts


def inzage(client, dossier_ids: list[int]) -> list[InzageSection]:
    """The client's own referrals and the household's (no member named)."""
    referrals = Referral.objects.filter(Q(client=client) | Q(client__isnull=True, dossier_id__in=dossier_ids))
    return [
        InzageSection(_("Referrals"), readable_rows(
            referrals.select_related("dossier", "client", "product", "provider").order_by("pk")),
            "maatwerk.Referral"),
        InzageSection(_("Wmo meldingen and reports of the onderzoek"), readable_rows(
            Melding.objects.filter(Q(client=client) | Q(client__isnull=True, dossier_id__in=dossier_ids))
            .select_related("dossier", "client").order_by("pk")), "maatwerk.Melding"),
        InzageSection(_("Referral status changes"), readable_rows(
            StatusChange.objects.filter(referral__in=referrals).select_related("referral", "user")
            .order_by("at", "pk")), "maatwerk.StatusChange"),
    ]
