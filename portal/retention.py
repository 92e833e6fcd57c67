"""The portal's part of destruction and inzage (cases.extensions; docs/adr/0110, 0112, 0120).

Destroyed with a dossier: its invitations, proposals, comments, actions reported done,
messages and document shares. With a destroyed client: their portal account (the Django
user stays, as the access log refers to it, but nameless and inactive, with no device)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _
from django_otp.plugins.otp_email.models import EmailDevice

from cases.extensions import InzageSection, delete_by, readable_rows
from portal.models import (
    ActionDone,
    GoalApplication,
    GoalComment,
    GoalProposal,
    Invitation,
    Message,
    PortalAccount,
    SharedDocument,
)

SECRET = ("id", "password", "token_hash", "code_hash")


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict:
    counts = delete_by("dossier_id", dossier_ids, ActionDone, GoalApplication, GoalComment, SharedDocument,
                       GoalProposal, Message, Invitation)
    for label, number in delete_by("client_id", client_ids, Invitation).items():
        counts[label] = counts.get(label, 0) + number
    accounts = PortalAccount.objects.filter(client_id__in=client_ids)
    user_ids = list(accounts.values_list("user_id", flat=True))
    Invitation.objects.filter(account__in=accounts).update(account=None)
    counts[PortalAccount._meta.label] = accounts.delete()[0] if user_ids else 0
    EmailDevice.objects.filter(user_id__in=user_ids).delete()
    get_user_model().objects.filter(pk__in=user_ids).update(first_name="", last_name="", email="", is_active=False)
    return counts


def inzage(client, dossier_ids: list[int]) -> list[InzageSection]:
    in_dossiers = {"dossier_id__in": dossier_ids}
    return [
        InzageSection(_("Mijn buurtteam: account"), readable_rows(
            PortalAccount.objects.filter(client=client).select_related("client").order_by("pk"),
            skip=(*SECRET, "user")), "portal.PortalAccount"),
        InzageSection(_("Mijn buurtteam: invitations"), readable_rows(
            Invitation.objects.filter(Q(client=client) | Q(**in_dossiers))
            .select_related("dossier", "client", "goal", "contact", "consent", "created_by").order_by("pk"),
            skip=(*SECRET, "account", "withdrawn_by")), "portal.Invitation"),
        InzageSection(_("Mijn buurtteam: proposed goals"), readable_rows(
            GoalProposal.objects.filter(**in_dossiers).select_related("dossier", "client").order_by("pk"),
            skip=("id", "proposed_by", "decided_by", "goal")), "portal.GoalProposal"),
        InzageSection(_("Mijn buurtteam: comments on goals"), readable_rows(
            GoalComment.objects.filter(**in_dossiers).select_related("goal", "dossier", "author").order_by("pk")),
            "portal.GoalComment"),
        InzageSection(_("Mijn buurtteam: support reported done"), readable_rows(
            ActionDone.objects.filter(**in_dossiers).select_related("action", "dossier").order_by("pk"),
            skip=("id", "reported_by")), "portal.ActionDone"),
        InzageSection(_("Mijn buurtteam: messages"), readable_rows(
            Message.objects.filter(Q(sender=client) | Q(recipients=client), **in_dossiers).distinct()
            .select_related("dossier", "author").order_by("pk")),
            "portal.Message"),
        InzageSection(_("Mijn buurtteam: e-health offered"), readable_rows(
            GoalApplication.objects.filter(**in_dossiers).select_related("goal", "dossier", "app", "offered_by")
            .order_by("pk")), "portal.GoalApplication"),
        InzageSection(_("Mijn buurtteam: shared documents"), readable_rows(
            SharedDocument.objects.filter(**in_dossiers).select_related("document", "dossier", "shared_by")
            .order_by("pk")), "portal.SharedDocument"),
    ]
