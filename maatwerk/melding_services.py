"""Wmo meldingen (wmo-toegang.md): the only place their rules live. Every write is atomic and
locks the dossier first (``cases.services.lock_dossier``); problems are collected per field.

- ``melding_on``: not in the future, not before the dossier's registration.
- The verslag (the written report of the onderzoek) is given to the client on ``verslag_on``:
  not before the melding, not in the future; once given, its text is what the client got.
- The client's remarks on the verslag come from the portal (the resident writes them) or on
  paper (a worker types them in); they are kept with the verslag and the newest text stands."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import Client, Dossier, DossierMember, EventKind
from cases.rules import Errors, date_text, today
from cases.services import lock_dossier, record_event
from maatwerk.models import Melding

MAX_REMARKS = 5000


def _lock(melding: Melding, user, *, check_team: bool = True) -> Melding:
    dossier = lock_dossier(user, melding.dossier_id, check_team=check_team)
    locked = Melding.objects.select_for_update().get(pk=melding.pk)
    locked.dossier = dossier
    return locked


@transaction.atomic
def create_melding(dossier: Dossier, *, user, client: Client | None, melding_on: dt.date | None) -> Melding:
    dossier = lock_dossier(user, dossier.pk)
    errors = Errors()
    if client is not None and not DossierMember.objects.filter(dossier=dossier, client=client).exists():
        errors.add("client", _("This person is not a member of the household."))
    if melding_on is None:
        errors.add("melding_on", _("Enter the date of the melding."))
    errors.not_in_future("melding_on", melding_on)
    errors.not_before_registration("melding_on", melding_on, dossier)
    errors.raise_if_any()
    assert melding_on is not None
    melding = Melding.objects.create(dossier=dossier, client=client, melding_on=melding_on)
    record_event(dossier, user, EventKind.REFERRAL, melding_on, _("Wmo melding received"))
    return melding


@transaction.atomic
def record_verslag(melding: Melding, *, user, verslag: str, verslag_on: dt.date | None) -> Melding:
    """Write the verslag; with ``verslag_on`` it was given to the client that day."""
    melding = _lock(melding, user)
    errors = Errors()
    if melding.verslag_on is not None:
        errors.add("verslag", _("The report was given to the client on %(date)s and can no longer be changed.")
                   % {"date": date_text(melding.verslag_on)})
        errors.raise_if_any()
    if not verslag.strip() and verslag_on is not None:
        errors.add("verslag", _("Write the report before it is given to the client."))
    errors.not_in_future("verslag_on", verslag_on)
    errors.not_before("verslag_on", verslag_on, melding.melding_on,
                      _("This date cannot be before the melding (%(date)s)."))
    errors.raise_if_any()
    melding.verslag, melding.verslag_on = verslag.strip(), verslag_on
    melding.save(update_fields=["verslag", "verslag_on", "updated_at"])
    if verslag_on:
        record_event(melding.dossier, user, EventKind.REFERRAL, verslag_on,
                     _("Report of the Wmo onderzoek given to the client"))
    return melding


@transaction.atomic
def record_remarks(melding: Melding, *, user, remarks: str, on: dt.date | None = None, via: str = "papier",
                   resident: bool = False) -> Melding:
    """The client's remarks on the verslag: on paper (a worker types them) or in the portal
    (``resident``: the resident's own write, whose view checked the dossier is theirs)."""
    melding = _lock(melding, user, check_team=not resident)
    errors = Errors()
    if melding.verslag_on is None:
        raise ValidationError(_("The report has not been given to the client yet."))
    if not remarks.strip():
        errors.add("remarks", _("Write the remarks."))
    elif len(remarks) > MAX_REMARKS:
        errors.add("remarks", _("Write at most %(count)d characters.") % {"count": MAX_REMARKS})
    on = on or today()
    errors.not_in_future("on", on)
    errors.not_before("on", on, melding.verslag_on, _("This date cannot be before the report (%(date)s)."))
    errors.raise_if_any()
    melding.client_remarks, melding.client_remarks_on = remarks.strip(), on
    melding.client_remarks_via = "portal" if resident else via
    melding.save(update_fields=["client_remarks", "client_remarks_on", "client_remarks_via", "updated_at"])
    record_event(melding.dossier, None if resident else user, EventKind.REFERRAL, on,
                 _("Remarks of the client on the report of the Wmo onderzoek"))
    return melding
