"""The e-mail reminder the day before an appointment (agenda), to residents with a portal
account who take part in it and did not switch the reminders off. Sent once per appointment
(``Appointment.reminder_sent_at``); the e-mail names no other person and no details of the
support: the kind, the time and the place, in plain Dutch."""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agenda.models import Appointment, Outcome, ReminderOptOut
from portal.models import AccountKind, PortalAccount

logger = logging.getLogger(__name__)


def send_reminders(day: dt.date | None = None) -> int:
    """Remind of the planned appointments of ``day`` (default: tomorrow). Returns the e-mails sent."""
    day = day or timezone.localdate() + dt.timedelta(days=1)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    sent = 0
    ids = list(Appointment.objects.filter(starts_at__gte=start, starts_at__lt=start + dt.timedelta(days=1),
                                          outcome=Outcome.PLANNED, reminder_sent_at__isnull=True,
                                          dossier__closed_on__isnull=True).values_list("pk", flat=True))
    for pk in ids:
        with transaction.atomic():
            appointment = (Appointment.objects.select_for_update(of=("self",)).select_related("dossier__team")
                           .filter(pk=pk, reminder_sent_at__isnull=True).first())
            if appointment is None:
                continue
            member_ids = list(appointment.members.values_list("pk", flat=True))
            opted_out = set(ReminderOptOut.objects.filter(client_id__in=member_ids).values_list("client_id", flat=True))
            accounts = PortalAccount.objects.filter(kind=AccountKind.RESIDENT, active=True, client_id__in=[
                m for m in member_ids if m not in opted_out])
            emails = sorted({a.email for a in accounts})
            with translation.override(settings.LANGUAGE_CODE):
                body = render_to_string("portal/email/appointment_reminder.txt", {
                    "appointment": appointment, "team": appointment.dossier.team,
                    "start": timezone.localtime(appointment.starts_at), "end": timezone.localtime(appointment.ends_at)})
                subject = _("Reminder: your appointment tomorrow")
            for email in emails:
                send_mail(subject, body, None, [email])
                sent += 1
            appointment.reminder_sent_at = timezone.now()
            appointment.save(update_fields=["reminder_sent_at"])
    logger.info("Appointment reminders for %s: %s e-mails", day, sent)
    return sent
