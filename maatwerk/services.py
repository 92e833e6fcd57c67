"""Referrals to maatwerk (verwijzing, beschikking). These functions are the only place
where the referral rules live; views collect input, the bundle import loads history.

Every write is atomic, locks the dossier and then the referral (the same order
everywhere, so two writers cannot deadlock), requires the user to work in the
dossier's team and refuses changes to a closed dossier (read-only, as in
``cases.services``). Rule violations raise ``ValidationError`` keyed by field.

Status: a referral starts as ``aangevraagd``; ``decide`` is the one transition service
and moves it once to ``toegekend``, ``afgewezen`` or ``ingetrokken``. Every status a
referral gets (also the first one) is recorded as a ``StatusChange`` with the user and
the time.

Dates:
- ``requested_on`` is required for a new referral, not in the future and not before
  the dossier's registration date.
- ``decided_on`` is required for ``toegekend`` and ``afgewezen`` (optional for
  ``ingetrokken``, the date of withdrawal), not before ``requested_on`` and not in the
  future: a decision is recorded once it has been taken.
- The care period (``starts_on``, ``ends_on``) belongs to granted care only. It may lie
  in the future (care is planned; a beschikking has an end date) and it may start
  before the decision (a beschikking can take effect from the request), but not before
  ``requested_on``; ``starts_on <= ends_on``; an end needs a start.
- An objection (bezwaar) is lodged against a decision, so only against ``toegekend``
  or ``afgewezen``, and is part of the status history (a ``StatusChange`` with a note).
  It does not change the status itself: an upheld objection (``gegrond``) leads to a new
  decision by the municipality, recorded with ``redecide`` on the same referral (granted
  or rejected, dated, in the history); a new objection can then be lodged against it.

New referrals need an active product and an active provider that offers the product;
the member must belong to the dossier (``client=None`` records a household-level
referral, as the bundle import allows)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import Client, Dossier, DossierMember, EventKind
from cases.rules import Errors, date_text, today
from cases.services import lock_dossier, record_event
from maatwerk.allocation import Allocation, check_allocation, next_allocation_number
from maatwerk.models import Form, Melding, ObjectionOutcome, Product, Provider, Referral, Status, StatusChange
from maatwerk.signals import referral_changed

DECISIONS = (Status.GRANTED, Status.REJECTED, Status.WITHDRAWN)
DATED_DECISIONS = (Status.GRANTED, Status.REJECTED)
OBJECTABLE = (Status.GRANTED, Status.REJECTED)


def _not_before_request(errors: Errors, field: str, value: dt.date | None, referral: Referral) -> None:
    errors.not_before(field, value, referral.requested_on, _("This date cannot be before the request date (%(date)s)."))


def _lock(referral: Referral, user, held: Dossier | None = None) -> Referral:
    """Lock the dossier (unless the caller holds its lock), then the referral, re-reading
    both; the caller's copies may be stale."""
    dossier = lock_dossier(user, referral.dossier_id, held=held)
    locked = Referral.objects.select_for_update().get(pk=referral.pk)
    locked.dossier = dossier
    return locked


def _what(referral: Referral) -> str:
    return _("%(product)s at %(provider)s") % {"product": referral.product.name, "provider": referral.provider.name}


def _record_status(referral: Referral, user, from_status: str, note: str = "") -> None:
    StatusChange.objects.create(referral=referral, from_status=from_status, to_status=referral.status, user=user,
                                note=note[:200])


@transaction.atomic
def request_referral(
    dossier: Dossier,
    *,
    user,
    client: Client | None,
    product: Product,
    provider: Provider,
    form: str,
    requested_on: dt.date | None,
    notes: str = "",
    held: Dossier | None = None,
    melding: Melding | None = None,
) -> Referral:
    """Aanvraag: refer a member of the household to a maatwerkvoorziening. ``held``: the
    caller (a goal's referral in ``plans``) holds the dossier's lock. ``melding``: the Wmo
    melding whose onderzoek led to this aanvraag (same dossier, not after the aanvraag)."""
    dossier = lock_dossier(user, dossier.pk, held=held)
    errors = Errors()
    if melding is not None:
        if melding.dossier_id != dossier.pk:
            errors.add("melding", _("This melding belongs to another dossier."))
        elif requested_on and requested_on < melding.melding_on:
            errors.add("requested_on", _("The aanvraag cannot be before its melding (%(date)s).")
                       % {"date": date_text(melding.melding_on)})
    if client is not None and not DossierMember.objects.filter(dossier=dossier, client=client).exists():
        errors.add("client", _("This person is not a member of the household."))
    if not product.active:
        errors.add("product", _("This product is no longer offered."))
    if not provider.active:
        errors.add("provider", _("This provider no longer accepts referrals."))
    elif not provider.products.filter(pk=product.pk).exists():
        errors.add("provider", _("%(provider)s does not offer %(product)s.")
             % {"provider": provider.name, "product": product.name})
    if form not in Form.values:
        errors.add("form", _("Choose care in kind (ZIN) or a personal budget (PGB)."))
    if requested_on is None:
        errors.add("requested_on", _("Enter the request date."))
    else:
        errors.not_in_future("requested_on", requested_on)
        errors.not_before_registration("requested_on", requested_on, dossier)
    errors.raise_if_any()
    referral = Referral.objects.create(
        dossier=dossier,
        client=client,
        product=product,
        provider=provider,
        form=form,
        status=Status.REQUESTED,
        requested_on=requested_on,
        notes=notes.strip(),
        melding=melding,
    )
    _record_status(referral, user, "")
    record_event(dossier, user, EventKind.REFERRAL, requested_on,
                 _("%(what)s requested") % {"what": _what(referral)})
    return referral


@transaction.atomic
def decide(referral: Referral, *, user, status: str, decided_on: dt.date | None,
           held: Dossier | None = None, reasons: str = "", allocation: Allocation | None = None) -> Referral:
    """The one status transition: aangevraagd → toegekend | afgewezen | ingetrokken.
    ``held``: the caller (closing the dossier) holds the dossier's lock. ``reasons``: the
    motivation of the beschikking. ``allocation``: on granting, the omvang and the care
    period (``maatwerk.allocation``: required when the referral goes to the provider as an
    iWmo toewijzing); a first grant gets its allocation number."""
    referral = _lock(referral, user, held)
    errors = Errors()
    if referral.status != Status.REQUESTED:
        errors.add("status", _("Only a requested referral can be decided; this one is %(status)s.")
             % {"status": referral.get_status_display()})
        errors.raise_if_any()
    if status not in DECISIONS:
        errors.add("status", _("Choose granted, rejected or withdrawn."))
    if decided_on is None:
        if status in DATED_DECISIONS:
            errors.add("decided_on", _("Enter the date of the decision."))
    else:
        errors.not_in_future("decided_on", decided_on)
        _not_before_request(errors, "decided_on", decided_on, referral)
    if status == Status.GRANTED:
        check_allocation(errors, referral, allocation or Allocation())
    elif allocation is not None and not allocation.is_empty:
        errors.add("volume", _("Only granted care has an omvang and a care period."))
    errors.raise_if_any()
    previous = referral.status
    referral.status = status
    referral.decided_on = decided_on
    referral.reasons = reasons.strip()
    fields = ["status", "decided_on", "reasons", "updated_at"]
    if status == Status.GRANTED:
        fields += _apply_allocation(referral, allocation or Allocation())
    referral.save(update_fields=fields)
    _record_status(referral, user, previous)
    record_event(referral.dossier, user, EventKind.REFERRAL, decided_on,
                 f"{_what(referral)}: {referral.get_status_display()}")
    referral_changed.send(sender=Referral, referral=referral, user=user, change="decided")
    return referral


@transaction.atomic
def set_care_period(referral: Referral, *, user, starts_on: dt.date | None, ends_on: dt.date | None) -> Referral:
    """Start and/or end granted care; both dates may be planned (in the future)."""
    referral = _lock(referral, user)
    if referral.status != Status.GRANTED:
        raise ValidationError(_("Only granted care has a care period."))
    errors = Errors()
    if starts_on is None:
        errors.add("starts_on", _("Enter the date the care starts."))
    _not_before_request(errors, "starts_on", starts_on, referral)
    if starts_on and ends_on and ends_on < starts_on:
        errors.add("ends_on", _("The care cannot end before it starts."))
    check_allocation(errors, referral, Allocation(referral.volume, referral.frequency, starts_on, ends_on))
    errors.raise_if_any()
    before = (referral.volume, referral.frequency, referral.starts_on, referral.ends_on)
    referral.starts_on = starts_on
    referral.ends_on = ends_on
    referral.save(update_fields=["starts_on", "ends_on", "updated_at"])
    if ends_on:
        period = _("care from %(start)s to %(end)s") % {"start": date_text(starts_on), "end": date_text(ends_on)}
    else:
        period = _("care from %(start)s") % {"start": date_text(starts_on)}
    record_event(referral.dossier, user, EventKind.REFERRAL, starts_on, f"{_what(referral)}: {period}")
    referral_changed.send(sender=Referral, referral=referral, user=user, change="changed", before=before)
    return referral


@transaction.atomic
def record_objection(referral: Referral, *, user, objected: bool, outcome: str) -> Referral:
    """Bezwaar against the decision; an objection without an outcome yet is pending."""
    referral = _lock(referral, user)
    if referral.status not in OBJECTABLE:
        raise ValidationError(_("An objection can only be lodged against a decision (granted or rejected)."))
    errors = Errors()
    if outcome and outcome not in ObjectionOutcome.values:
        errors.add("objection_outcome", _("Choose a valid outcome."))
    if outcome and not objected:
        errors.add("objection_outcome", _("Only record an outcome when an objection was lodged."))
    errors.raise_if_any()
    referral.objected = objected
    referral.objection_outcome = (outcome or ObjectionOutcome.PENDING) if objected else ""
    referral.save(update_fields=["objected", "objection_outcome", "updated_at"])
    if objected:
        what = _("objection: %(outcome)s") % {"outcome": referral.get_objection_outcome_display()}
    else:
        what = _("no objection")
    _record_status(referral, user, referral.status, note=what)
    record_event(referral.dossier, user, EventKind.REFERRAL, today(), f"{_what(referral)}: {what}")
    return referral


@transaction.atomic
def redecide(referral: Referral, *, user, status: str, decided_on: dt.date | None) -> Referral:
    """The new decision after an upheld objection (bezwaar gegrond): granted or rejected,
    dated, not before the decision objected to. Care dates stay only with granted care.
    The objection is settled by it, so a new one can be lodged against the new decision."""
    referral = _lock(referral, user)
    if not (referral.objected and referral.objection_outcome == ObjectionOutcome.UPHELD):
        raise ValidationError(_("A new decision follows an upheld objection (bezwaar gegrond) only."))
    errors = Errors()
    if status not in DATED_DECISIONS:
        errors.add("status", _("Choose granted or rejected."))
    if decided_on is None:
        errors.add("decided_on", _("Enter the date of the decision."))
    else:
        errors.not_in_future("decided_on", decided_on)
        if referral.decided_on and decided_on < referral.decided_on:
            errors.add("decided_on", _("The new decision cannot be before the decision objected to (%(date)s).")
                 % {"date": date_text(referral.decided_on)})
    errors.raise_if_any()
    previous = referral.status
    referral.status = status
    referral.decided_on = decided_on
    referral.objected = False
    referral.objection_outcome = ""
    if status != Status.GRANTED:
        referral.starts_on = referral.ends_on = None
        referral.volume, referral.unit, referral.frequency, referral.allocation_number = None, "", "", None
    referral.save(update_fields=["status", "decided_on", "objected", "objection_outcome", "starts_on", "ends_on",
                                 "volume", "unit", "frequency", "allocation_number", "updated_at"])
    note = _("new decision after an upheld objection")
    _record_status(referral, user, previous, note=note)
    record_event(referral.dossier, user, EventKind.REFERRAL, decided_on,
                 f"{_what(referral)}: {note}: {referral.get_status_display()}")
    referral_changed.send(sender=Referral, referral=referral, user=user, change="redecided")
    return referral


def _apply_allocation(referral: Referral, allocation: Allocation) -> list[str]:
    """Write a checked allocation onto the referral (the unit is the product's); a first grant
    gets its number. Returns the fields changed."""
    referral.volume = allocation.volume
    referral.unit = referral.product.unit if allocation.volume is not None else ""
    referral.frequency = allocation.frequency if allocation.volume is not None else ""
    fields = ["volume", "unit", "frequency"]
    if allocation.starts_on is not None:
        referral.starts_on, referral.ends_on = allocation.starts_on, allocation.ends_on
        fields += ["starts_on", "ends_on"]
    if referral.allocation_number is None:
        referral.allocation_number = next_allocation_number()
        fields.append("allocation_number")
    return fields


@transaction.atomic
def change_allocation(referral: Referral, *, user, allocation: Allocation, reasons: str = "",
                      change: str = "changed", held: Dossier | None = None) -> Referral:
    """A new period or omvang for granted care (a wijziging: the provider gets a new 301 and
    the client a new letter); ``change`` tells the receivers why ("changed", "ended", or an
    iWmo RedenWijziging code chosen for an early end). ``reasons``: the motivation."""
    referral = _lock(referral, user, held)
    if referral.status != Status.GRANTED:
        raise ValidationError(_("Only granted care has an omvang and a care period."))
    errors = Errors()
    if allocation.starts_on is None:
        errors.add("starts_on", _("Enter the date the care starts."))
    check_allocation(errors, referral, allocation)
    errors.raise_if_any()
    before = (referral.volume, referral.frequency, referral.starts_on, referral.ends_on)
    if before == (allocation.volume, allocation.frequency or "", allocation.starts_on, allocation.ends_on):
        raise ValidationError(_("Nothing was changed."))
    fields = _apply_allocation(referral, allocation)
    if reasons.strip():
        referral.reasons = reasons.strip()
        fields.append("reasons")
    referral.save(update_fields=[*fields, "updated_at"])
    record_event(referral.dossier, user, EventKind.REFERRAL, today(),
                 _("%(what)s: allocation changed") % {"what": _what(referral)})
    referral_changed.send(sender=Referral, referral=referral, user=user, change=change, before=before)
    return referral


@transaction.atomic
def record_delivery(referral: Referral, *, started_on: dt.date | None = None, ended_on: dt.date | None = None,
                    end_reason: str = "", clear_start: bool = False) -> Referral:
    """What the provider reported (iWmo 305 start, 307 stop; called by ``toegang`` after the
    message passed every check). Also on a closed dossier: care may end after the dossier."""
    dossier = lock_dossier(None, referral.dossier_id, open_only=False, check_team=False)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    referral.dossier = dossier
    errors = Errors()
    if referral.status != Status.GRANTED:
        errors.add("status", _("Only granted care is delivered."))
    start = None if clear_start else (started_on or referral.delivery_started_on)
    end = ended_on or referral.delivery_ended_on
    if end and start and end < start:
        errors.add("delivery_ended_on", _("The delivery cannot end before it started."))
    if ended_on and not end_reason:
        errors.add("delivery_end_reason", _("Say why the delivery ended."))
    errors.raise_if_any()
    referral.delivery_started_on = start
    if ended_on:
        referral.delivery_ended_on, referral.delivery_end_reason = ended_on, end_reason
    referral.save(update_fields=["delivery_started_on", "delivery_ended_on", "delivery_end_reason", "updated_at"])
    if started_on:
        record_event(dossier, None, EventKind.REFERRAL, started_on,
                     _("%(what)s: delivery started (reported by the provider)") % {"what": _what(referral)})
    if ended_on:
        record_event(dossier, None, EventKind.REFERRAL, ended_on,
                     _("%(what)s: delivery ended (reported by the provider)") % {"what": _what(referral)})
    return referral


@transaction.atomic
def clear_delivery_end(referral: Referral) -> Referral:
    """The provider withdrew its stop message (iWmo 307 "verwijderen"): the delivery goes on."""
    dossier = lock_dossier(None, referral.dossier_id, open_only=False, check_team=False)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    referral.dossier = dossier
    referral.delivery_ended_on, referral.delivery_end_reason = None, ""
    referral.save(update_fields=["delivery_ended_on", "delivery_end_reason", "updated_at"])
    return referral
