"""The agenda's part of destruction and inzage (cases.extensions; docs/adr/0110, 0112).

Appointments (with their workers and members) and letters go with their dossier; the letters'
PDFs are journal documents and go with journal's step. A destroyed client leaves the
appointments of other dossiers they took part in (possible only when they stay elsewhere:
a client is destroyed with their last dossier), and their portal reminder choice."""

from django.utils.translation import gettext as _

from agenda.models import Appointment, Letter, ReminderOptOut
from cases.extensions import InzageSection, chunks, delete_by, readable_rows
from cases.models import Client


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict[str, int]:
    appointment_ids: list[int] = []
    for chunk in chunks(dossier_ids):
        appointment_ids += Appointment.objects.filter(dossier_id__in=chunk).values_list("pk", flat=True)
    counts = delete_by("dossier_id", dossier_ids, Letter)
    counts.update(delete_by("appointment_id", appointment_ids, Appointment.workers.through,
                            Appointment.members.through))
    counts.update(delete_by("client_id", client_ids, Appointment.members.through, ReminderOptOut))
    counts.update(delete_by("id", appointment_ids, Appointment))
    return counts


def inzage(client: Client, dossier_ids: list[int]) -> list[InzageSection]:
    appointments = (Appointment.objects.filter(dossier_id__in=dossier_ids, members=client)
                    | Appointment.objects.filter(dossier_id__in=dossier_ids, members__isnull=True)).distinct()
    rows = readable_rows(appointments.select_related("dossier", "outcome_by", "created_by").order_by("starts_at"),
                         skip=("id", "ref", "created_at", "updated_at", "reminder_sent_at"))
    for row, appointment in zip(rows, appointments.order_by("starts_at"), strict=True):
        row[_("workers")] = ", ".join(w.get_full_name() or w.username for w in appointment.workers.all())
    return [
        InzageSection(_("Appointments"), rows, "agenda.Appointment"),
        InzageSection(_("Letters"), readable_rows(
            Letter.objects.filter(client=client).select_related("dossier", "template", "client", "appointment",
                                                                 "document", "created_by").order_by("pk")),
            "agenda.Letter"),
        InzageSection(_("Appointment reminders by e-mail"), [
            {_("reminders switched off on"): o.created_at.date()}
            for o in ReminderOptOut.objects.filter(client=client)], "agenda.ReminderOptOut"),
    ]
