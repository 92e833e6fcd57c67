"""ZRM's part of destruction and inzage (cases.extensions; docs/adr/0110, 0112)."""

from django.utils.translation import gettext as _

from cases.extensions import InzageSection, delete_by, readable_rows
from zrm.models import Measurement, WithdrawnMeasurement


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict:
    return delete_by("dossier_id", dossier_ids, Measurement, WithdrawnMeasurement)


def inzage(client, dossier_ids: list[int]) -> list[InzageSection]:
    related = ("dossier", "client", "instrument", "created_by")
    return [
        InzageSection(_("ZRM measurements"), readable_rows(
            Measurement.objects.filter(client=client).select_related(*related).order_by("measured_on", "pk")),
            "zrm.Measurement"),
        InzageSection(_("ZRM measurements withdrawn"), readable_rows(
            WithdrawnMeasurement.objects.filter(client=client).select_related(*related, "withdrawn_by")
            .order_by("pk")), "zrm.WithdrawnMeasurement"),
    ]
