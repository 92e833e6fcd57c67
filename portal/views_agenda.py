"""The resident's appointments (agenda): the appointments of the household the resident (or a
minor child) takes part in, or that name nobody, from today on; and the choice to get a
reminder by e-mail the day before (``agenda.models.ReminderOptOut``)."""

import datetime as dt

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agenda.models import Appointment, Outcome, ReminderOptOut
from cases.audit import log_access_many
from cases.models import AccessAction
from portal import querysets
from portal.decorators import portal_required
from portal.models import AccountKind


def resident_appointments(dossier, visible):
    """Planned appointments from today on (cancelled ones too, so the resident sees the change)."""
    start = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))
    return (Appointment.objects.filter(dossier=dossier, starts_at__gte=start)
            .filter(Q(members__isnull=True) | Q(members__in=visible)).filter(
                outcome__in=[Outcome.PLANNED, Outcome.CANCELLED]).distinct().order_by("starts_at"))


def wants_reminders(account) -> bool:
    return not ReminderOptOut.objects.filter(client_id=account.client_id).exists()


@require_POST
@portal_required(AccountKind.RESIDENT)
def reminders(request, pk: int):
    """Switch the e-mail reminder the day before an appointment on or off."""
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    if request.POST.get("reminders") == "1":
        ReminderOptOut.objects.filter(client_id=account.client_id).delete()
        messages.success(request, _("You get an e-mail the day before an appointment."))
    else:
        ReminderOptOut.objects.get_or_create(client_id=account.client_id)
        messages.success(request, _("You no longer get an e-mail before an appointment."))
    log_access_many(request, AccessAction.CHANGE, clients=[account.client_id], dossier=dossier,
                    detail=_("Mijn buurtteam (resident): reminders"))
    return redirect("portal:dossier", dossier.pk)
