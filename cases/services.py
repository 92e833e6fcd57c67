"""The dossier lifecycle. Every multi-step write is atomic, locks the dossier it
changes, and is the only place where the lifecycle rules live:

- dates in order: registration <= first contact, support start and closure; closure
  not before first contact or support start; no date in the future;
- closure fields only when closing; a closed dossier is read-only, except that a team
  coach of its team may reopen it (recorded on the timeline, the closure kept as a
  ``FormerClosure`` that the close form starts from);
- closing settles every open item other apps register (``cases.extensions``: referrals
  awaiting a decision, goals still running): each needs a choice, or the dossier stays open;
- a household always has its applicant (aanvrager): the applicant cannot be removed;
- a person already in another open dossier is added only when the user confirms it.

The ``*_errors`` functions hold the checks of one form's values on their own, so a form
can report them together with its own field errors in one round (the services call them
again under the lock).

Rule violations raise ``ValidationError`` keyed by field, so forms show them next to
the field they concern."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import extensions, history
from cases.models import (
    Client,
    Dossier,
    DossierEvent,
    DossierMember,
    DossierSafeguard,
    EventKind,
    FormerClosure,
    MemberRole,
    Referrer,
    RegieAfter,
    Team,
)
from cases.permissions import is_coach_of, team_ids
from cases.rules import Errors, date_text, today


def lock_dossier(user, dossier_id: int, *, held: Dossier | None = None, open_only: bool = True,
                 closed_message: str | None = None, check_team: bool = True) -> Dossier:
    """Every write to a dossier, in any app, starts here (inside ``transaction.atomic``):
    re-read the dossier under a row lock (the caller's copy may be stale), check that the
    user works in its team (``PermissionDenied``) and, with ``open_only``, that it is not
    closed (``ValidationError`` with ``closed_message``). The function that follows may rely
    on the lock. ``check_team=False`` is for a resident's write in the portal, whose view has
    checked that the dossier is theirs (``user`` is then not a staff member).

    ``held``: the caller already holds this dossier's lock in the current transaction (a
    service that calls another app's service for the same dossier, closing that settles
    other apps' open items): it is checked, not read and locked again."""
    if held is not None:
        if held.pk != dossier_id or not transaction.get_connection().in_atomic_block:
            raise RuntimeError("A held dossier lock belongs to the same dossier and transaction.")
        dossier = held
    else:
        dossier = Dossier.objects.select_for_update().get(pk=dossier_id)
    if check_team and dossier.team_id not in team_ids(user):
        raise PermissionDenied
    if open_only and dossier.is_closed:
        raise ValidationError(closed_message or _("This dossier is closed and can no longer be changed."))
    return dossier


def _verbose_name(field: str) -> str:
    return str(Dossier._meta.get_field(field).verbose_name)  # type: ignore[union-attr]


def _require_team_member(user, team_id: int) -> None:
    if team_id not in team_ids(user):
        raise PermissionDenied


def _require_visible_client(user, client: Client) -> None:
    """An existing client of another team joins a dossier only when the user may already
    see them: never linked in from the other team (that would open its record to this team)."""
    if client.pk is None or Client.objects.for_user(user).filter(pk=client.pk).exists():
        return
    if DossierMember.objects.filter(client_id=client.pk).exists():
        raise PermissionDenied


def record_event(dossier: Dossier, user, kind: str, on: dt.date | None = None, detail: str = "") -> None:
    DossierEvent.objects.create(dossier=dossier, user=user, kind=kind, on=on, detail=detail[:300])


def find_duplicates(*, bsn: str = "", family_name: str = "", birth_date=None, exclude_pk=None):
    """Clients that may be the same person: same BSN, or same family name and date of birth."""
    match = Q()
    if bsn:
        match |= Q(bsn=bsn)
    if family_name and birth_date:
        match |= Q(family_name__iexact=family_name, birth_date=birth_date)
    if not match:
        return Client.objects.none()
    return Client.objects.filter(match).exclude(pk=exclude_pk).order_by("id")


def save_client(client: Client) -> Client:
    client.full_clean()
    client.save()
    return client


def registration_errors(*, team: Team | None, registered_on: dt.date | None, lead_worker=None) -> Errors:
    errors = Errors()
    errors.not_in_future("registered_on", registered_on)
    errors.plausible("registered_on", registered_on)
    if team is not None and lead_worker is not None and team.pk not in team_ids(lead_worker):
        errors.add("lead_worker", _("The lead worker must be a member of the team."))
    return errors


def open_dossiers_of(client: Client, *, exclude: Dossier | None = None):
    """The open dossiers (of any team) the person is a member of."""
    if client.pk is None:
        return Dossier.objects.none()
    dossiers = Dossier.objects.open().filter(members__client=client).select_related("team").order_by("pk")
    return dossiers.exclude(pk=exclude.pk) if exclude is not None else dossiers


def other_open_dossier_errors(client: Client, *, dossier: Dossier | None = None, confirmed: bool) -> dict:
    """A person is normally in one open dossier (one household, one plan): adding them to a
    second one needs the user's confirmation. Other teams' dossiers are named by team only."""
    if confirmed:
        return {}
    others = list(open_dossiers_of(client, exclude=dossier))
    if not others:
        return {}
    where = ", ".join(
        _("dossier %(number)s of %(team)s") % {"number": d.pk, "team": d.team.name} for d in others
    )
    return {"confirm_other_open": [
        _("%(name)s is already a member of another open dossier (%(where)s). Check whether this is the same "
          "household; tick the box to add this person anyway.") % {"name": client.display_name, "where": where}
    ]}


@transaction.atomic
def register_dossier(
    *,
    user,
    team: Team,
    registered_on: dt.date,
    applicant: Client,
    referrer: Referrer | None = None,
    lead_worker=None,
    request_summary: str = "",
    confirm_other_open: bool = False,
) -> Dossier:
    """Aanmelding: a new dossier for a household, with its applicant as first member."""
    _require_team_member(user, team.pk)
    _require_visible_client(user, applicant)
    errors = registration_errors(team=team, registered_on=registered_on, lead_worker=lead_worker)
    errors.update(other_open_dossier_errors(applicant, confirmed=confirm_other_open))
    errors.raise_if_any()
    if applicant.pk is None:
        save_client(applicant)
    dossier = Dossier.objects.create(
        team=team,
        registered_on=registered_on,
        referrer=referrer,
        lead_worker=lead_worker,
        request_summary=request_summary,
    )
    DossierMember.objects.create(dossier=dossier, client=applicant, role=MemberRole.APPLICANT)
    if lead_worker is not None:
        dossier.workers.add(lead_worker)
    record_event(dossier, user, EventKind.REGISTERED, registered_on)
    return dossier


@transaction.atomic
def update_details(dossier: Dossier, *, user, **changes) -> Dossier:
    """Change registration details: registration date, referrer, lead worker, request, workers."""
    dossier = lock_dossier(user, dossier.pk)
    workers = changes.pop("workers", None)
    allowed = {"registered_on", "referrer", "lead_worker", "request_summary"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"Cannot change {sorted(unknown)} here.")
    for field, value in changes.items():
        setattr(dossier, field, value)
    errors = Errors()
    errors.not_in_future("registered_on", dossier.registered_on)
    errors.plausible("registered_on", dossier.registered_on)
    for field in ("first_contact_on", "support_started_on"):
        later = getattr(dossier, field)
        if later and dossier.registered_on > later:
            errors.add("registered_on", _("The registration date cannot be after %(what)s (%(date)s).")
                       % {"what": _verbose_name(field), "date": date_text(later)})
    if dossier.lead_worker is not None and dossier.team_id not in team_ids(dossier.lead_worker):
        errors.add("lead_worker", _("The lead worker must be a member of the team."))
    errors.raise_if_any()
    dossier.save()
    if workers is not None:
        dossier.workers.set(workers)
    if dossier.lead_worker is not None:
        dossier.workers.add(dossier.lead_worker)
    record_event(dossier, user, EventKind.UPDATED)
    return dossier


def first_contact_errors(dossier: Dossier, on: dt.date | None) -> Errors:
    errors = Errors()
    errors.not_in_future("first_contact_on", on)
    errors.not_before_registration("first_contact_on", on, dossier)
    return errors


@transaction.atomic
def record_first_contact(dossier: Dossier, *, user, on: dt.date, location: str, held: Dossier | None = None) -> Dossier:
    dossier = lock_dossier(user, dossier.pk, held=held)
    first_contact_errors(dossier, on).raise_if_any()
    dossier.first_contact_on = on
    dossier.first_contact_location = location
    dossier.first_contact_recorded_on = today()
    dossier.save(update_fields=["first_contact_on", "first_contact_location", "first_contact_recorded_on",
                                "updated_at"])
    record_event(dossier, user, EventKind.FIRST_CONTACT, on, dossier.get_first_contact_location_display())
    return dossier


def support_start_errors(dossier: Dossier, on: dt.date | None) -> Errors:
    errors = Errors()
    errors.not_in_future("support_started_on", on)
    errors.not_before_registration("support_started_on", on, dossier)
    return errors


@transaction.atomic
def start_support(dossier: Dossier, *, user, on: dt.date, held: Dossier | None = None) -> Dossier:
    dossier = lock_dossier(user, dossier.pk, held=held)
    support_start_errors(dossier, on).raise_if_any()
    dossier.support_started_on = on
    dossier.support_started_recorded_on = today()
    dossier.save(update_fields=["support_started_on", "support_started_recorded_on", "updated_at"])
    record_event(dossier, user, EventKind.SUPPORT_STARTED, on)
    return dossier


@transaction.atomic
def add_member(
    dossier: Dossier, *, user, client: Client, role: str, confirm_other_open: bool = False
) -> DossierMember:
    dossier = lock_dossier(user, dossier.pk)
    _require_visible_client(user, client)
    if client.pk is not None and DossierMember.objects.filter(dossier=dossier, client=client).exists():
        raise ValidationError({"client": [_("This person is already a member of the household.")]})
    errors = Errors(other_open_dossier_errors(client, dossier=dossier, confirmed=confirm_other_open))
    if role == MemberRole.APPLICANT and dossier.members.filter(role=MemberRole.APPLICANT).exists():
        errors.add("role", _("The household already has an applicant."))
    errors.raise_if_any()
    if client.pk is None:
        save_client(client)
    member = DossierMember.objects.create(dossier=dossier, client=client, role=role)
    record_event(dossier, user, EventKind.MEMBER_ADDED, detail=f"{client.display_name} ({member.get_role_display()})")
    return member


@transaction.atomic
def remove_member(dossier: Dossier, *, user, member: DossierMember) -> None:
    """Other apps say through ``cases.extensions.member_in_use`` what keeps a member (ZRM
    measurements, referrals, ...)."""
    dossier = lock_dossier(user, dossier.pk)
    if member.dossier_id != dossier.pk:
        raise PermissionDenied
    member = DossierMember.objects.select_related("client").get(pk=member.pk)
    if dossier.members.count() == 1:
        raise ValidationError(_("A household needs at least one member."))
    if member.role == MemberRole.APPLICANT:
        raise ValidationError(_("The applicant (aanvrager) cannot be removed: a household always has an applicant."))
    reasons = extensions.member_in_use(dossier, member.client_id)
    if reasons:
        raise ValidationError(
            _("This member cannot be removed: %(reasons)s.") % {"reasons": ", ".join(str(r) for r in reasons)}
        )
    history.removed(member)
    member.delete()
    record_event(dossier, user, EventKind.MEMBER_REMOVED, detail=member.client.display_name)


@transaction.atomic
def transfer(dossier: Dossier, *, user, to_team: Team, note: str = "", lead_worker=None) -> Dossier:
    """Hand the dossier to another team. The regisseur is ``lead_worker`` (a worker of the new
    team), else the current one when they also work in the new team, else none (the new team's
    coach appoints one from the intake queue); the hooks of other apps (``work``: a task for the
    receiving team) run in the same transaction."""
    dossier = lock_dossier(user, dossier.pk)
    errors = Errors()
    if to_team.pk == dossier.team_id:
        errors.add("to_team", _("The dossier already belongs to this team."))
    if lead_worker is not None and to_team.pk not in team_ids(lead_worker):
        errors.add("lead_worker", _("The lead worker must be a member of the new team."))
    errors.raise_if_any()
    from_team = dossier.team
    current = dossier.lead_worker
    dossier.team = to_team
    dossier.lead_worker = lead_worker or (current if current and to_team.pk in team_ids(current) else None)
    dossier.save(update_fields=["team", "lead_worker", "updated_at"])
    dossier.workers.remove(*[w for w in dossier.workers.all() if to_team.pk not in team_ids(w)])
    if dossier.lead_worker:
        dossier.workers.add(dossier.lead_worker)
    detail = _("from %(old)s to %(new)s") % {"old": from_team.name, "new": to_team.name}
    record_event(dossier, user, EventKind.TRANSFERRED, today(), f"{detail}: {note}" if note else detail)
    extensions.dossier_transferred(dossier, user=user, from_team=from_team, note=note)
    return dossier


def closing_errors(
    dossier: Dossier, *, closed_on: dt.date | None, closure_reason: str | None, client_rating: int | None,
    open_items: Iterable[extensions.OpenItem] = (), settlements: dict[str, str] | None = None,
) -> Errors:
    """The closing form's rules; ``None`` for a value the form could not read (its own
    error is shown already). Every open item needs a way of settling it, and an item without
    choices must be settled on its own page first; ``settlements=None`` (the form, whose own
    required fields ask for the choices) checks only the latter."""
    errors = Errors()
    errors.not_in_future("closed_on", closed_on)
    for field in ("registered_on", "first_contact_on", "support_started_on"):
        errors.not_before("closed_on", closed_on, getattr(dossier, field),
                          _("The closing date cannot be before %(what)s (%(date)s)."), what=_verbose_name(field))
    if closure_reason == "":
        errors.add("closure_reason", _("Choose the closure reason."))
    if client_rating is not None and not 1 <= client_rating <= 10:
        errors.add("client_rating", _("A rating is a whole number from 1 to 10."))
    for item in open_items:
        if not item.choices:
            errors.add(item.field or NON_FIELD_ERRORS, _("Settle this first: %(item)s.") % {"item": item.label})
        elif settlements is not None and settlements.get(item.field, "") not in dict(item.choices):
            errors.add(item.field, _("Choose what happens with: %(item)s.") % {"item": item.label})
    return errors


def closure_initial(dossier: Dossier) -> dict:
    """The close form's starting point: the closure a reopening undid, if any."""
    former = dossier.former_closures.order_by("-reopened_at", "-id").first()
    if former is None:
        return {}
    return {
        "closed_on": former.closed_on,
        "closure_reason": former.closure_reason,
        "can_continue_independently": former.can_continue_independently,
        "client_rating": former.client_rating,
        "regie_after": former.regie_after,
        "safeguards": list(former.safeguards),
    }


@transaction.atomic
def close_dossier(
    dossier: Dossier,
    *,
    user,
    closed_on: dt.date,
    closure_reason: str,
    can_continue_independently: str = "",
    client_rating: int | None = None,
    safeguards: Iterable[str] = (),
    settlements: dict[str, str] | None = None,
    regie_after: str = "",
) -> Dossier:
    """Close the dossier. ``settlements`` maps each open item's ``field`` (see
    ``cases.extensions.OpenItem``) to the chosen way of settling it; every item is settled
    in the same transaction, before the dossier closes, or nothing happens."""
    dossier = lock_dossier(user, dossier.pk)
    items = extensions.open_items(dossier)  # again under the lock: the form's list may be stale
    settlements = settlements or {}
    errors = closing_errors(dossier, closed_on=closed_on, closure_reason=closure_reason, client_rating=client_rating,
                            open_items=items, settlements=settlements)
    if regie_after and regie_after not in RegieAfter.values:
        errors.add("regie_after", _("Choose who coordinates the support after closure."))
    errors.raise_if_any()
    errors = Errors()
    for item in items:
        if item.settle is None:
            continue  # an item without choices was refused above
        try:
            item.settle(user=user, choice=settlements[item.field], on=closed_on, dossier=dossier)
        except ValidationError as error:
            errors.update({item.field: [f"{item.label}: {m}" for m in error.messages]})
    errors.raise_if_any()
    dossier.closed_on = closed_on
    dossier.closed_recorded_on = today()
    dossier.closure_reason = closure_reason
    dossier.can_continue_independently = can_continue_independently
    dossier.client_rating = client_rating
    dossier.regie_after = regie_after
    dossier.save()
    DossierSafeguard.objects.bulk_create(
        DossierSafeguard(dossier=dossier, safeguard=code) for code in sorted(set(safeguards))
    )
    record_event(dossier, user, EventKind.CLOSED, closed_on, dossier.get_closure_reason_display())
    return dossier


@transaction.atomic
def reopen_dossier(dossier: Dossier, *, user, reason: str) -> Dossier:
    """Only a team coach of the dossier's team may reopen; the old closure is recorded."""
    dossier = lock_dossier(user, dossier.pk, open_only=False)
    if not is_coach_of(user, dossier.team_id):
        raise PermissionDenied
    if dossier.closed_on is None:
        raise ValidationError(_("This dossier is not closed."))
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the dossier is reopened.")]})
    previous = _("closed on %(date)s (%(reason)s): %(why)s") % {
        "date": date_text(dossier.closed_on),
        "reason": dossier.get_closure_reason_display(),
        "why": reason.strip(),
    }
    FormerClosure.objects.create(
        dossier=dossier,
        closed_on=dossier.closed_on,
        closure_reason=dossier.closure_reason,
        can_continue_independently=dossier.can_continue_independently,
        client_rating=dossier.client_rating,
        regie_after=dossier.regie_after,
        safeguards=sorted(dossier.safeguards.values_list("safeguard", flat=True)),
        reopened_by=user,
        reason=reason.strip(),
    )
    dossier.closed_on = None
    dossier.closed_recorded_on = None
    dossier.closure_reason = ""
    dossier.can_continue_independently = ""
    dossier.client_rating = None
    dossier.regie_after = ""
    dossier.save()
    dossier.safeguards.all().delete()
    record_event(dossier, user, EventKind.REOPENED, today(), previous)
    return dossier


@transaction.atomic
def reassign_lead_worker(dossiers: Iterable[Dossier], *, user, lead_worker) -> list[Dossier]:
    """A team coach hands one or many dossiers of their team to another lead worker in one
    step (all or nothing); each change is recorded on the dossier's timeline. Returns the
    dossiers that changed (one that had this lead worker already is not a change)."""
    pks = sorted({d.pk for d in dossiers})
    if not pks:
        raise ValidationError({"dossiers": [_("Choose at least one dossier.")]})
    locked = list(Dossier.objects.select_for_update().filter(pk__in=pks).order_by("pk"))
    if len(locked) != len(pks) or any(not is_coach_of(user, d.team_id) for d in locked):
        raise PermissionDenied
    errors = Errors()
    if lead_worker is None:
        errors.add("lead_worker", _("Choose the new lead worker."))
    elif any(d.team_id not in team_ids(lead_worker) for d in locked):
        errors.add("lead_worker", _("The lead worker must be a member of the team."))
    closed = [str(d.pk) for d in locked if d.is_closed]
    if closed:
        errors.add("dossiers", _("Closed dossiers cannot be changed: %(numbers)s.") % {"numbers": ", ".join(closed)})
    errors.raise_if_any()
    name = lead_worker.get_full_name() or lead_worker.username
    changed = [d for d in locked if d.lead_worker_id != lead_worker.pk]
    for dossier in changed:
        dossier.lead_worker = lead_worker
        dossier.updated_at = timezone.now()
    Dossier.objects.bulk_update(changed, ["lead_worker", "updated_at"])
    history.saved_in_bulk(changed, ["lead_worker"])
    Dossier.workers.through.objects.bulk_create(
        [Dossier.workers.through(dossier_id=d.pk, user_id=lead_worker.pk) for d in changed], ignore_conflicts=True
    )
    DossierEvent.objects.bulk_create(
        DossierEvent(dossier=d, user=user, kind=EventKind.LEAD_WORKER, on=today(), detail=name[:300]) for d in changed
    )
    return changed
