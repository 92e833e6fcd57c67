"""Early signals (vroegsignalen, front-door.md): receiving, routing, outreach attempts and the
outcome. Every write is atomic, locks the signal and reports all problems at once.

Routing: when the address is the address of a client of an open dossier, the signal goes to
that dossier's team, is linked to the dossier and its lead worker gets a task (through
``work.services``; the task lives in the dossier, so only its team sees it); otherwise to the
team serving the postcode's four digits (``TeamArea``); otherwise it waits, unrouted, in the
queue of functional administration."""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import Client, Dossier, Team
from cases.permissions import is_beheer, team_ids
from cases.rules import Errors, today
from frontdoor.models import (
    Attempt,
    AttemptKind,
    AttemptResult,
    ContactOutcome,
    CreditorKind,
    EarlySignal,
    ShortContact,
    SignalOutcome,
    SignalSender,
    TeamArea,
)
from work import services as work_services

POSTCODE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
# the house number (and addition) at the end of a street address: "Oudegracht 12a", "Kade 3-bis"
HOUSE_NUMBER = re.compile(r"(\d+)\s*[-/ ]?\s*([A-Za-z0-9]{0,10})\s*$")
MAX_ARREARS_CENTS = 10**12


@dataclass(frozen=True)
class SignalData:
    """One signal as a sender reports it (the columns of signals.csv the sender knows)."""

    ref: str
    received_on: dt.date | None
    creditor_kind: str
    arrears_cents: int | None
    postcode: str
    house_number: int | None
    creditor: str = ""
    arrears_months: int | None = None
    house_number_addition: str = ""
    name: str = ""


def signal_errors(data: SignalData) -> Errors:
    errors = Errors()
    if not data.ref.strip():
        errors.add("signal_ref", _("A value is required."))
    elif len(data.ref) > 64:
        errors.add("signal_ref", _("At most 64 characters."))
    if data.received_on is None:
        errors.add("received_on", _("A value is required."))
    errors.not_in_future("received_on", data.received_on)
    if data.creditor_kind not in CreditorKind.values:
        errors.add("creditor_kind", _("Unknown kind of creditor (allowed: %(allowed)s).")
                   % {"allowed": ", ".join(CreditorKind.values)})
    if data.arrears_cents is None or not 1 <= data.arrears_cents <= MAX_ARREARS_CENTS:
        errors.add("arrears_cents", _("Enter the arrears in cents, a whole number of at least 1."))
    if data.arrears_months is not None and not 1 <= data.arrears_months <= 999:
        errors.add("arrears_months", _("Enter a whole number of months, at least 1."))
    if not POSTCODE.match(data.postcode or ""):
        errors.add("postcode", _("Enter a postcode like 3511AB."))
    if data.house_number is None or not 1 <= data.house_number <= 999_999:
        errors.add("house_number", _("Enter the house number, a whole number."))
    if len(data.house_number_addition) > 10:
        errors.add("house_number_addition", _("At most 10 characters."))
    if len(data.creditor) > 120:
        errors.add("creditor", _("At most 120 characters."))
    if len(data.name) > 200:
        errors.add("name", _("At most 200 characters."))
    return errors


def house_number_of(address: str) -> tuple[int, str] | None:
    match = HOUSE_NUMBER.search(address or "")
    if match is None:
        return None
    return int(match.group(1)), match.group(2).lower()


def dossier_at(postcode: str, house_number: int, addition: str) -> Dossier | None:
    """The open dossier (the oldest) a client living at this address is a member of."""
    wanted = (house_number, addition.lower())
    candidates = Client.objects.filter(postcode=postcode, memberships__dossier__closed_on__isnull=True) \
        .values_list("pk", "address").distinct()
    clients = [pk for pk, address in candidates if house_number_of(address) == wanted]
    if not clients:
        return None
    found: Dossier | None = Dossier.objects.open().filter(members__client__in=clients) \
        .select_related("team", "lead_worker").order_by("registered_on", "pk").first()
    return found


def route(signal: EarlySignal) -> None:
    """Set the signal's team (and dossier) by its address; None stays in the queue."""
    dossier = dossier_at(signal.postcode, signal.house_number, signal.house_number_addition)
    if dossier is not None:
        signal.team, signal.dossier = dossier.team, dossier
        return
    area = TeamArea.objects.filter(pc4=signal.pc4).select_related("team").first()
    signal.team, signal.dossier = (area.team if area else None), None


def _tell_lead_worker(signal: EarlySignal) -> None:
    if signal.dossier is not None:
        work_services.notify_regisseur(
            signal.dossier, _("Early signal %(ref)s: arrears with a creditor, visit the household")
            % {"ref": signal.ref})


@transaction.atomic
def receive_signal(data: SignalData, *, sender: SignalSender | None = None) -> tuple[EarlySignal, bool]:
    """Store and route one signal. Idempotent on ``ref``: a signal already received is returned
    as it is (``created`` False), also when it was sent again with other values."""
    errors = signal_errors(data)
    errors.raise_if_any()
    assert data.received_on and data.arrears_cents and data.house_number  # checked above
    existing = EarlySignal.objects.filter(ref=data.ref).first()
    if existing is not None:
        return existing, False
    signal = EarlySignal(
        ref=data.ref, received_on=data.received_on, creditor_kind=data.creditor_kind, creditor=data.creditor.strip(),
        arrears_cents=data.arrears_cents, arrears_months=data.arrears_months, postcode=data.postcode,
        house_number=data.house_number, house_number_addition=data.house_number_addition.strip(),
        name=data.name.strip(), sender=sender,
    )
    route(signal)
    signal.save()
    _tell_lead_worker(signal)
    return signal, True


def lock_signal(user: Any, signal_id: int, *, open_only: bool = True) -> EarlySignal:
    signal: EarlySignal = EarlySignal.objects.select_for_update().get(pk=signal_id)
    if signal.team_id is None or signal.team_id not in team_ids(user):
        raise PermissionDenied
    if open_only and signal.outcome:
        from django.core.exceptions import ValidationError

        raise ValidationError(_("This signal is closed and can no longer be changed."))
    return signal


@transaction.atomic
def route_by_hand(user: Any, signal_id: int, team: Team) -> EarlySignal:
    """Functional administration routes an unrouted signal to a team."""
    if not is_beheer(user):
        raise PermissionDenied
    signal: EarlySignal = EarlySignal.objects.select_for_update().get(pk=signal_id)
    errors = Errors()
    if signal.team_id is not None:
        errors.add("team", _("This signal has already been routed."))
    errors.raise_if_any()
    signal.team = team
    signal.save(update_fields=["team"])
    return signal


@transaction.atomic
def record_attempt(user: Any, signal_id: int, *, on: dt.date | None, kind: str, result: str) -> Attempt:
    signal = lock_signal(user, signal_id)
    errors = Errors()
    if on is None:
        errors.add("on", _("A value is required."))
    errors.not_in_future("on", on)
    errors.not_before("on", on, signal.received_on, _("This date cannot be before the signal came in (%(date)s)."))
    if kind not in AttemptKind.values:
        errors.add("kind", _("Choose how."))
    if result not in AttemptResult.values:
        errors.add("result", _("Choose the result."))
    if on and Attempt.objects.filter(signal=signal, attempted_on=on, kind=kind, result=result).exists():
        errors.add("on", _("This attempt has already been recorded."))
    errors.raise_if_any()
    assert on is not None
    from frontdoor.overdue import close_for

    close_for(signal.pk)  # the overdue signal-task closes itself
    return Attempt.objects.create(signal=signal, attempted_on=on, kind=kind, result=result, recorded_by=user)


def outcome_errors(signal: EarlySignal, *, outcome: str, outcome_on: dt.date | None, attempts: list[dt.date],
                   linked: bool) -> Errors:
    errors = Errors()
    if outcome not in SignalOutcome.values:
        errors.add("outcome", _("Choose the outcome."))
    if outcome_on is None:
        errors.add("outcome_on", _("A value is required."))
    errors.not_in_future("outcome_on", outcome_on)
    errors.not_before("outcome_on", outcome_on, signal.received_on,
                      _("This date cannot be before the signal came in (%(date)s)."))
    errors.not_before("outcome_on", outcome_on, max(attempts, default=None),
                      _("This date cannot be before the last attempt (%(date)s)."))
    if outcome == SignalOutcome.ACCEPTED and not linked:
        errors.add("outcome", _("Help accepted: link the dossier or the short contact first."))
    if outcome == SignalOutcome.NO_CONTACT and len(attempts) < 2:
        errors.add("outcome", _("No contact needs at least two attempts."))
    return errors


@transaction.atomic
def set_outcome(user: Any, signal_id: int, *, outcome: str, outcome_on: dt.date | None) -> EarlySignal:
    """The outcome, set once."""
    signal = lock_signal(user, signal_id)
    attempts = list(signal.attempts.values_list("attempted_on", flat=True))
    errors = outcome_errors(signal, outcome=outcome, outcome_on=outcome_on, attempts=attempts,
                            linked=signal.dossier_id is not None or signal.short_contact_id is not None)
    errors.raise_if_any()
    signal.outcome, signal.outcome_on = outcome, outcome_on
    signal.save(update_fields=["outcome", "outcome_on"])
    from frontdoor.overdue import close_for

    close_for(signal.pk)
    return signal


@transaction.atomic
def link_short_contact(user: Any, signal_id: int, contact: ShortContact) -> EarlySignal:
    """"Turn into a short contact": the contact registered from the signal is linked to it
    (and, once it becomes a dossier, that dossier)."""
    signal = lock_signal(user, signal_id)
    if contact.team_id != signal.team_id:
        raise PermissionDenied
    signal.short_contact = contact
    if contact.outcome == ContactOutcome.DOSSIER and contact.dossier_id:
        signal.dossier_id = contact.dossier_id
    signal.save(update_fields=["short_contact", "dossier"])
    return signal


@transaction.atomic
def link_dossier(user: Any, signal_id: int, dossier: Dossier) -> EarlySignal:
    signal = lock_signal(user, signal_id)
    if dossier.team_id != signal.team_id:
        raise PermissionDenied
    signal.dossier = dossier
    signal.save(update_fields=["dossier"])
    return signal


def overdue(signal: EarlySignal, on: dt.date | None = None, *, has_attempt: bool | None = None) -> bool:
    """No attempt yet and the term of the first attempt has passed."""
    from frontdoor.models import first_attempt_due

    if signal.outcome:
        return False
    if has_attempt is None:
        has_attempt = signal.attempts.exists()
    return not has_attempt and (on or today()) > first_attempt_due(signal.received_on)
