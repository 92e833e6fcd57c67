"""The front door's part of destruction and inzage (cases.extensions; docs/adr/0110, 0112).

A short contact about a destroyed client, or converted into a destroyed dossier, goes with
them; so does a signal linked to a destroyed dossier or short contact (with its attempts)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from cases.extensions import InzageSection, chunks, delete_by, readable_rows
from cases.models import Client
from frontdoor.models import Attempt, EarlySignal, ShortContact


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict[str, int]:
    contact_ids: set[int] = set()
    for chunk in chunks(dossier_ids):
        contact_ids.update(ShortContact.objects.filter(dossier_id__in=chunk).values_list("pk", flat=True))
    for chunk in chunks(client_ids):
        contact_ids.update(ShortContact.objects.filter(client_id__in=chunk).values_list("pk", flat=True))
    signal_ids: set[int] = set()
    for chunk in chunks(dossier_ids):
        signal_ids.update(EarlySignal.objects.filter(dossier_id__in=chunk).values_list("pk", flat=True))
    for chunk in chunks(list(contact_ids)):
        signal_ids.update(EarlySignal.objects.filter(short_contact_id__in=chunk).values_list("pk", flat=True))
    counts = delete_by("signal_id", list(signal_ids), Attempt)
    counts.update(delete_by("id", list(signal_ids), EarlySignal))
    counts.update(delete_by("id", list(contact_ids), ShortContact))
    return counts


def inzage(client: Client, dossier_ids: list[int]) -> list[InzageSection]:
    contacts = ShortContact.objects.filter(client=client).select_related("team", "worker", "client", "dossier")
    signals = EarlySignal.objects.filter(Q(dossier_id__in=dossier_ids) | Q(short_contact__client=client)) \
        .select_related("team", "dossier", "short_contact", "sender")
    return [
        InzageSection(_("Short contacts"), readable_rows(contacts.order_by("pk"), skip=("id", "created_by")),
                      "frontdoor.ShortContact"),
        InzageSection(_("Early signals of arrears"), readable_rows(signals.order_by("pk")), "frontdoor.EarlySignal"),
        InzageSection(_("Outreach attempts"), readable_rows(
            Attempt.objects.filter(signal__in=signals).select_related("signal", "recorded_by").order_by("pk"),
            skip=("id", "created_at")), "frontdoor.Attempt"),
    ]
