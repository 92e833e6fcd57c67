"""The Wmo toegang's part of destruction and inzage (cases.extensions; docs/adr/0110, 0112).

Messages, requests and letters go with their dossier; a message about a destroyed client
goes too. A refused message whose client is unknown belongs to no dossier: functional
administrators remove it (``toegang.views_beheer``) once it is dealt with."""

from django.db.models import Q
from django.utils.translation import gettext as _

from cases.extensions import InzageSection, chunks, delete_by, readable_rows
from cases.models import Client
from toegang.models import Letter, Message, ProviderRequest


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict[str, int]:
    message_ids: set[int] = set()
    for chunk in chunks(dossier_ids):
        message_ids.update(Message.objects.filter(Q(dossier_id__in=chunk) | Q(referrals__dossier_id__in=chunk))
                           .values_list("pk", flat=True))
    for chunk in chunks(client_ids):
        message_ids.update(Message.objects.filter(client_id__in=chunk).values_list("pk", flat=True))
    request_ids = list(ProviderRequest.objects.filter(message_id__in=message_ids).values_list("pk", flat=True))
    for chunk in chunks(dossier_ids):
        request_ids += ProviderRequest.objects.filter(dossier_id__in=chunk).values_list("pk", flat=True)
    counts = delete_by("providerrequest_id", request_ids, ProviderRequest.referrals.through)
    counts.update(delete_by("id", request_ids, ProviderRequest))
    counts.update(delete_by("message_id", list(message_ids), Message.referrals.through))
    counts.update(delete_by("id", list(message_ids), Message))
    counts.update(delete_by("referral__dossier_id", dossier_ids, Letter))
    return counts


def inzage(client: Client, dossier_ids: list[int]) -> list[InzageSection]:
    letters = Letter.objects.filter(Q(referral__client=client) | Q(referral__client__isnull=True,
                                                                    referral__dossier_id__in=dossier_ids))
    return [
        InzageSection(_("Beschikking letters"), readable_rows(
            letters.select_related("referral__product", "referral__provider", "created_by").order_by("pk"),
            skip=("id", "pdf", "created_at")), "toegang.Letter"),
        InzageSection(_("iWmo messages with providers"), readable_rows(
            Message.objects.filter(client=client).select_related("dossier", "client").order_by("pk"),
            skip=("id",)), "toegang.Message"),
        InzageSection(_("Requests of providers"), readable_rows(
            ProviderRequest.objects.filter(client=client).select_related("message", "dossier", "client", "provider",
                                                                          "decided_by").order_by("pk")),
            "toegang.ProviderRequest"),
    ]
