"""The plan's part of destruction and inzage (cases.extensions; docs/adr/0110, 0112)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from cases.extensions import InzageSection, delete_by, readable_rows
from plans.models import Action, Consent, Goal, NetworkContact, Plan, PlanEvent


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict:
    # Actions first: they refer to goals (protected), contacts and referrals. Consents go with
    # their dossier, and with their client (the clients removed have no other dossier).
    counts = delete_by("dossier_id", dossier_ids, Action, Goal, NetworkContact, PlanEvent, Plan, Consent)
    for label, number in delete_by("client_id", client_ids, Consent).items():
        counts[label] = counts.get(label, 0) + number
    return counts


def inzage(client, dossier_ids: list[int]) -> list[InzageSection]:
    """The household's plan: its goals (the client's own and the household's), every action,
    the network and the plan's history."""
    goals = Goal.objects.filter(Q(client=client) | Q(client__isnull=True, dossier_id__in=dossier_ids))
    in_dossiers = {"dossier_id__in": dossier_ids}
    return [
        InzageSection(_("Plans"), readable_rows(
            Plan.objects.filter(**in_dossiers).select_related("dossier", "agreed_by").order_by("pk"),
            skip=("id", "agreed_version", "created_at", "updated_at")), "plans.Plan"),
        InzageSection(_("Goals"), readable_rows(
            goals.select_related("dossier", "client").order_by("set_on", "pk")), "plans.Goal"),
        InzageSection(_("Support (actions)"), readable_rows(
            Action.objects.filter(**in_dossiers).select_related("dossier", "goal", "by_contact", "referral")
            .order_by("pk")), "plans.Action"),
        InzageSection(_("Network"), readable_rows(
            NetworkContact.objects.filter(**in_dossiers).select_related("dossier").order_by("pk")),
            "plans.NetworkContact"),
        InzageSection(_("Plan history"), readable_rows(
            PlanEvent.objects.filter(**in_dossiers).select_related("dossier", "user").order_by("pk")),
            "plans.PlanEvent"),
        InzageSection(_("Consents"), readable_rows(
            Consent.objects.filter(client=client).select_related("client", "dossier").order_by("given_on", "pk")),
            "plans.Consent"),
    ]
