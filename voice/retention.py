"""The questionnaire's part of destruction and inzage (cases.extensions; docs/adr/0110, 0112)."""

from django.utils.translation import gettext as _

from cases.extensions import InzageSection, delete_by, readable_rows
from cases.models import Client
from voice.models import Invitation, Questionnaire


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict[str, int]:
    return delete_by("dossier_id", dossier_ids, Questionnaire, Invitation)


def inzage(client: Client, dossier_ids: list[int]) -> list[InzageSection]:
    return [InzageSection(_("Client-experience questionnaires"), readable_rows(
        Questionnaire.objects.filter(client=client).select_related("dossier", "client", "statement_set", "created_by")
        .order_by("pk")), "voice.Questionnaire"),
            InzageSection(_("Reminders of the questionnaire"), readable_rows(
                Invitation.objects.filter(dossier_id__in=dossier_ids).select_related("dossier").order_by("pk")),
                "voice.Invitation")]
