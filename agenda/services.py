"""Planning appointments and recording their outcome: the only place their rules live.

- An appointment belongs to an open dossier of the planner's team; it ends after it starts,
  on the same day, and lasts at most ``MAX_HOURS``; its workers are members of the dossier's
  team; the members taking part belong to the household.
- A worker who already has a planned appointment at that time is a conflict: planning
  goes ahead only when the user confirms it (``confirm_conflicts``).
- Only a planned appointment is changed; its outcome is recorded once. Held and no-show
  only once it has started; cancelled at any time, saying by whom.
- Holding a kennismakingsgesprek fills the dossier's first contact (date and place kind)
  when it is still empty, in the same transaction, so its recorded-on date is the day the
  outcome is recorded (the registration lag of a held appointment recorded the same day is 0).
- Holding the first support appointment (every kind but the kennismakingsgesprek and
  "other") proposes the start of support: the outcome form offers it, ticked; the dossier's
  start of support is set with the outcome when the user keeps it ticked.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import letters
from agenda.models import Appointment, CancelledBy, Kind, Letter, Outcome
from cases import services as case_services
from cases.models import Dossier
from cases.permissions import team_ids
from cases.rules import Errors, today
from journal.models import Document, DocumentKind

MAX_HOURS = 12
SUPPORT_KINDS = frozenset({Kind.HOME_VISIT, Kind.OFFICE, Kind.PHONE, Kind.NETWORK})


@dataclass(frozen=True)
class Conflict:
    worker: Any
    appointment: Appointment


def conflicts(workers: Iterable[Any], starts_at: dt.datetime, ends_at: dt.datetime, *,
              exclude: int | None = None) -> list[Conflict]:
    """Planned appointments of these workers overlapping [starts_at, ends_at), any team."""
    workers = list(workers)
    found = (Appointment.objects.planned().between(starts_at, ends_at).filter(workers__in=workers)
             .exclude(pk=exclude).prefetch_related("workers").distinct().order_by("starts_at"))
    ids = {w.pk for w in workers}
    return [Conflict(w, a) for a in found for w in a.workers.all() if w.pk in ids]


def conflict_text(found: list[Conflict]) -> str:
    return "; ".join(_("%(worker)s already has an appointment from %(start)s to %(end)s") % {
        "worker": c.worker.get_full_name() or c.worker.username,
        "start": timezone.localtime(c.appointment.starts_at).strftime("%d-%m-%Y %H:%M"),
        "end": timezone.localtime(c.appointment.ends_at).strftime("%H:%M")} for c in found)


def appointment_errors(dossier: Dossier, *, kind: str | None, starts_at: dt.datetime | None,
                       ends_at: dt.datetime | None, place_kind: str | None, workers: Iterable[Any],
                       members: Iterable[Any]) -> Errors:
    errors = Errors()
    if kind not in Kind.values:
        errors.add("kind", _("Choose the kind of appointment."))
    if place_kind not in ("thuis", "kantoor", "elders"):
        errors.add("place_kind", _("Choose where the appointment is."))
    if starts_at and ends_at:
        if ends_at <= starts_at:
            errors.add("ends_at", _("The end must be after the start."))
        elif ends_at - starts_at > dt.timedelta(hours=MAX_HOURS):
            errors.add("ends_at", _("An appointment lasts at most %(hours)s hours.") % {"hours": MAX_HOURS})
        elif timezone.localdate(starts_at) != timezone.localdate(ends_at):
            errors.add("ends_at", _("An appointment ends on the day it starts."))
        errors.not_before_registration("starts_at", timezone.localdate(starts_at), dossier)
    workers = list(workers)
    if not workers:
        errors.add("workers", _("Choose at least one worker."))
    elif any(dossier.team_id not in team_ids(w) for w in workers):
        errors.add("workers", _("Every worker must be a member of the dossier's team."))
    member_ids = set(dossier.members.values_list("client_id", flat=True))
    if any(m.pk not in member_ids for m in members):
        errors.add("members", _("This person is not a member of the household."))
    return errors


def _check(dossier: Dossier, data: dict[str, Any], *, confirm_conflicts: bool, exclude: int | None = None) -> None:
    errors = appointment_errors(dossier, **{k: data.get(k) for k in (
        "kind", "starts_at", "ends_at", "place_kind")}, workers=data.get("workers") or [],
        members=data.get("members") or [])
    if not errors and not confirm_conflicts:
        found = conflicts(data["workers"], data["starts_at"], data["ends_at"], exclude=exclude)
        if found:
            errors.add("confirm_conflicts", _("%(conflicts)s. Tick the box to plan it anyway.")
                       % {"conflicts": conflict_text(found)})
    errors.raise_if_any()


FIELDS = ("kind", "starts_at", "ends_at", "place_kind", "place")


@transaction.atomic
def plan(dossier: Dossier, *, user: Any, confirm_conflicts: bool = False, **data: Any) -> Appointment:
    dossier = case_services.lock_dossier(user, dossier.pk)
    _check(dossier, data, confirm_conflicts=confirm_conflicts)
    appointment = Appointment.objects.create(dossier=dossier, created_by=user,
                                             **{f: data.get(f) or "" for f in FIELDS if f != "place"} | {
                                                 "place": (data.get("place") or "").strip()})
    appointment.workers.set(data["workers"])
    appointment.members.set(data.get("members") or [])
    return appointment


@transaction.atomic
def change(appointment: Appointment, *, user: Any, confirm_conflicts: bool = False, **data: Any) -> Appointment:
    dossier = case_services.lock_dossier(user, appointment.dossier_id)
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if not appointment.is_planned:
        raise ValidationError(_("The outcome of this appointment has been recorded: it can no longer be changed."))
    _check(dossier, data, confirm_conflicts=confirm_conflicts, exclude=appointment.pk)
    for field in FIELDS:
        setattr(appointment, field, (data.get(field) or "").strip() if field == "place" else data[field])
    appointment.save()
    appointment.workers.set(data["workers"])
    appointment.members.set(data.get("members") or [])
    return appointment


def proposes_support_start(appointment: Appointment, dossier: Dossier) -> bool:
    """Holding this appointment would be the dossier's first support contact."""
    return appointment.kind in SUPPORT_KINDS and dossier.support_started_on is None


@transaction.atomic
def record_outcome(appointment: Appointment, *, user: Any, outcome: str, cancelled_by: str = "",
                   start_support: bool = False) -> Appointment:
    """Held, no-show or cancelled; a held appointment may fill the dossier's first contact
    and start of support (see the module's rules), in this one transaction."""
    dossier = case_services.lock_dossier(user, appointment.dossier_id)
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    errors = Errors()
    if not appointment.is_planned:
        errors.add("outcome", _("The outcome of this appointment has already been recorded."))
    if outcome not in (Outcome.HELD, Outcome.NO_SHOW, Outcome.CANCELLED):
        errors.add("outcome", _("Choose what happened."))
    if outcome in (Outcome.HELD, Outcome.NO_SHOW) and appointment.starts_at > timezone.now():
        errors.add("outcome", _("This appointment has not started yet: it can only be cancelled."))
    if outcome == Outcome.CANCELLED and cancelled_by not in CancelledBy.values:
        errors.add("cancelled_by", _("Say who cancelled the appointment."))
    held_on = timezone.localdate(appointment.starts_at)
    if outcome == Outcome.HELD:
        if appointment.kind == Kind.INTAKE and dossier.first_contact_on is None:
            errors.update(case_services.first_contact_errors(dossier, held_on))
        if start_support and proposes_support_start(appointment, dossier):
            errors.update(case_services.support_start_errors(dossier, held_on))
    errors.raise_if_any()
    appointment.outcome = outcome
    appointment.cancelled_by = cancelled_by if outcome == Outcome.CANCELLED else ""
    appointment.outcome_recorded_on = today()
    appointment.outcome_by = user
    appointment.save(update_fields=["outcome", "cancelled_by", "outcome_recorded_on", "outcome_by", "updated_at"])
    if outcome == Outcome.HELD:
        if appointment.kind == Kind.INTAKE and dossier.first_contact_on is None:
            dossier = case_services.record_first_contact(dossier, user=user, on=held_on,
                                                         location=appointment.place_kind, held=dossier)
        if start_support and proposes_support_start(appointment, dossier):
            case_services.start_support(dossier, user=user, on=held_on, held=dossier)
    return appointment


# --- Letters -------------------------------------------------------------------------------

def template_errors(*, title: str, body: str) -> Errors:
    errors = Errors()
    for field, text in (("title", title), ("body", body)):
        unknown = letters.unknown_fields(text or "")
        if unknown:
            errors.add(field, _("Unknown fields: %(unknown)s. You can use: %(known)s.") % {
                "unknown": ", ".join("{" + u + "}" for u in unknown),
                "known": ", ".join("{" + k + "}" for k in letters.FIELDS)})
    if not (body or "").strip():
        errors.add("body", _("Write the text of the letter."))
    return errors


@transaction.atomic
def save_template(template: Any, *, user: Any) -> Any:
    """Functional administration saves a letter template (its fields checked)."""
    errors = template_errors(title=template.title, body=template.body)
    if type(template).objects.filter(code=template.code).exclude(pk=template.pk).exists():
        errors.add("code", _("Another letter already has this code."))
    errors.raise_if_any()
    template.updated_by = user
    template.save()
    return template


@transaction.atomic
def make_letter(dossier: Dossier, *, user: Any, template: Any, client: Any, appointment: Any = None) -> Any:
    """The letter as a PDF, stored as a dossier document (kind "letter") and listed on the
    timeline; sharing it in the portal or printing it is the user's next step."""
    dossier = case_services.lock_dossier(user, dossier.pk)
    errors = Errors()
    if not template.active:
        errors.add("template", _("This letter is no longer in use."))
    if client is None or not dossier.members.filter(client=client).exists():
        errors.add("client", _("This person is not a member of the household."))
    if appointment is not None and appointment.dossier_id != dossier.pk:
        errors.add("appointment", _("This appointment belongs to another dossier."))
    if template.needs_appointment and appointment is None:
        errors.add("appointment", _("Choose the appointment this letter is about."))
    errors.raise_if_any()
    values = letters.values_for(dossier, client, user=user, appointment=appointment)
    content = letters.pdf(template.title, template.body, values)
    name = f"{template.code}-{timezone.localdate():%Y%m%d}.pdf"
    description = f"{template.name}: {client.display_name}"[:200]
    document = Document(dossier=dossier, kind=DocumentKind.LETTER, description=description,
                        uploaded_by=user, original_name=name, content_type="application/pdf", size=len(content))
    document.file.save("letter", ContentFile(content), save=False)
    document.save()
    return Letter.objects.create(dossier=dossier, template=template, client=client, appointment=appointment,
                                 document=document, created_by=user)
