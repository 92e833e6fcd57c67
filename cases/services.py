"""The dossier lifecycle. Every multi-step write is atomic, locks the dossier it
changes, and is the only place where the lifecycle rules live:

- dates in order: registration <= first contact, support start and closure; closure
  not before first contact or support start; no date in the future;
- closure fields only when closing; a closed dossier is read-only, except that a team
  coach of its team may reopen it (recorded on the timeline).

Rule violations raise ``ValidationError`` keyed by field, so forms show them next to
the field they concern."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.access import is_coach_of, team_ids
from cases.models import (
    Client,
    Dossier,
    DossierEvent,
    DossierMember,
    DossierSafeguard,
    EventKind,
    MemberRole,
    Referrer,
    Team,
)


def today() -> dt.date:
    return timezone.localdate()


def _not_in_future(field: str, value: dt.date | None, errors: dict) -> None:
    if value and value > today():
        errors.setdefault(field, []).append(_("This date lies in the future."))


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _lock(dossier: Dossier) -> Dossier:
    """Re-read the dossier under a row lock; the caller's copy may be stale."""
    return Dossier.objects.select_for_update().get(pk=dossier.pk)


def _require_team_member(user, team_id: int) -> None:
    if team_id not in team_ids(user):
        raise PermissionDenied


def _require_open(dossier: Dossier) -> None:
    if dossier.is_closed:
        raise ValidationError(_("This dossier is closed and can no longer be changed."))


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
) -> Dossier:
    """Aanmelding: a new dossier for a household, with its applicant as first member."""
    _require_team_member(user, team.pk)
    _require_visible_client(user, applicant)
    errors: dict = {}
    _not_in_future("registered_on", registered_on, errors)
    if lead_worker is not None and team.pk not in team_ids(lead_worker):
        errors["lead_worker"] = [_("The lead worker must be a member of the team.")]
    _raise(errors)
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
    dossier = _lock(dossier)
    _require_team_member(user, dossier.team_id)
    _require_open(dossier)
    workers = changes.pop("workers", None)
    allowed = {"registered_on", "referrer", "lead_worker", "request_summary"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"Cannot change {sorted(unknown)} here.")
    for field, value in changes.items():
        setattr(dossier, field, value)
    errors: dict = {}
    _not_in_future("registered_on", dossier.registered_on, errors)
    for field in ("first_contact_on", "support_started_on"):
        later = getattr(dossier, field)
        if later and dossier.registered_on > later:
            errors.setdefault("registered_on", []).append(
                _("The registration date cannot be after %(what)s (%(date)s).")
                % {"what": Dossier._meta.get_field(field).verbose_name, "date": later.strftime("%d-%m-%Y")}
            )
    if dossier.lead_worker is not None and dossier.team_id not in team_ids(dossier.lead_worker):
        errors["lead_worker"] = [_("The lead worker must be a member of the team.")]
    _raise(errors)
    dossier.save()
    if workers is not None:
        dossier.workers.set(workers)
    if dossier.lead_worker is not None:
        dossier.workers.add(dossier.lead_worker)
    record_event(dossier, user, EventKind.UPDATED)
    return dossier


@transaction.atomic
def record_first_contact(dossier: Dossier, *, user, on: dt.date, location: str) -> Dossier:
    dossier = _lock(dossier)
    _require_team_member(user, dossier.team_id)
    _require_open(dossier)
    errors: dict = {}
    _not_in_future("first_contact_on", on, errors)
    if on < dossier.registered_on:
        errors.setdefault("first_contact_on", []).append(
            _("First contact cannot be before the registration date (%(date)s).")
            % {"date": dossier.registered_on.strftime("%d-%m-%Y")}
        )
    _raise(errors)
    dossier.first_contact_on = on
    dossier.first_contact_location = location
    dossier.first_contact_recorded_on = today()
    dossier.save(update_fields=["first_contact_on", "first_contact_location", "first_contact_recorded_on",
                                "updated_at"])
    record_event(dossier, user, EventKind.FIRST_CONTACT, on, dossier.get_first_contact_location_display())
    return dossier


@transaction.atomic
def start_support(dossier: Dossier, *, user, on: dt.date) -> Dossier:
    dossier = _lock(dossier)
    _require_team_member(user, dossier.team_id)
    _require_open(dossier)
    errors: dict = {}
    _not_in_future("support_started_on", on, errors)
    if on < dossier.registered_on:
        errors.setdefault("support_started_on", []).append(
            _("Support cannot start before the registration date (%(date)s).")
            % {"date": dossier.registered_on.strftime("%d-%m-%Y")}
        )
    _raise(errors)
    dossier.support_started_on = on
    dossier.support_started_recorded_on = today()
    dossier.save(update_fields=["support_started_on", "support_started_recorded_on", "updated_at"])
    record_event(dossier, user, EventKind.SUPPORT_STARTED, on)
    return dossier


@transaction.atomic
def add_member(dossier: Dossier, *, user, client: Client, role: str) -> DossierMember:
    dossier = _lock(dossier)
    _require_team_member(user, dossier.team_id)
    _require_open(dossier)
    _require_visible_client(user, client)
    if client.pk is None:
        save_client(client)
    elif DossierMember.objects.filter(dossier=dossier, client=client).exists():
        raise ValidationError({"client": [_("This person is already a member of the household.")]})
    member = DossierMember.objects.create(dossier=dossier, client=client, role=role)
    record_event(dossier, user, EventKind.MEMBER_ADDED, detail=f"{client.display_name} ({member.get_role_display()})")
    return member


@transaction.atomic
def remove_member(dossier: Dossier, *, user, member: DossierMember) -> None:
    from maatwerk.models import Referral
    from zrm.models import Measurement

    dossier = _lock(dossier)
    _require_team_member(user, dossier.team_id)
    _require_open(dossier)
    if member.dossier_id != dossier.pk:
        raise PermissionDenied
    if dossier.members.count() == 1:
        raise ValidationError(_("A household needs at least one member."))
    in_use = (
        Measurement.objects.filter(dossier=dossier, client_id=member.client_id).exists()
        or Referral.objects.filter(dossier=dossier, client_id=member.client_id).exists()
    )
    if in_use:
        raise ValidationError(_("This member has ZRM measurements or referrals and cannot be removed."))
    member.delete()
    record_event(dossier, user, EventKind.MEMBER_REMOVED, detail=member.client.display_name)


@transaction.atomic
def transfer(dossier: Dossier, *, user, to_team: Team, note: str = "") -> Dossier:
    """Hand the dossier to another team; its new team appoints a lead worker."""
    dossier = _lock(dossier)
    _require_team_member(user, dossier.team_id)
    _require_open(dossier)
    if to_team.pk == dossier.team_id:
        raise ValidationError({"to_team": [_("The dossier already belongs to this team.")]})
    from_team = dossier.team
    dossier.team = to_team
    dossier.lead_worker = None
    dossier.save(update_fields=["team", "lead_worker", "updated_at"])
    dossier.workers.clear()
    detail = _("from %(old)s to %(new)s") % {"old": from_team.name, "new": to_team.name}
    record_event(dossier, user, EventKind.TRANSFERRED, today(), f"{detail}: {note}" if note else detail)
    return dossier


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
) -> Dossier:
    dossier = _lock(dossier)
    _require_team_member(user, dossier.team_id)
    _require_open(dossier)
    errors: dict = {}
    _not_in_future("closed_on", closed_on, errors)
    for field in ("registered_on", "first_contact_on", "support_started_on"):
        earlier = getattr(dossier, field)
        if earlier and closed_on < earlier:
            errors.setdefault("closed_on", []).append(
                _("The closing date cannot be before %(what)s (%(date)s).")
                % {"what": Dossier._meta.get_field(field).verbose_name, "date": earlier.strftime("%d-%m-%Y")}
            )
    if not closure_reason:
        errors["closure_reason"] = [_("Choose the closure reason.")]
    if client_rating is not None and not 1 <= client_rating <= 10:
        errors["client_rating"] = [_("A rating is a whole number from 1 to 10.")]
    _raise(errors)
    dossier.closed_on = closed_on
    dossier.closed_recorded_on = today()
    dossier.closure_reason = closure_reason
    dossier.can_continue_independently = can_continue_independently
    dossier.client_rating = client_rating
    dossier.save()
    DossierSafeguard.objects.bulk_create(
        DossierSafeguard(dossier=dossier, safeguard=code) for code in sorted(set(safeguards))
    )
    record_event(dossier, user, EventKind.CLOSED, closed_on, dossier.get_closure_reason_display())
    return dossier


@transaction.atomic
def reopen_dossier(dossier: Dossier, *, user, reason: str) -> Dossier:
    """Only a team coach of the dossier's team may reopen; the old closure is recorded."""
    dossier = _lock(dossier)
    if not is_coach_of(user, dossier.team_id):
        raise PermissionDenied
    if not dossier.is_closed:
        raise ValidationError(_("This dossier is not closed."))
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the dossier is reopened.")]})
    previous = _("closed on %(date)s (%(reason)s): %(why)s") % {
        "date": dossier.closed_on.strftime("%d-%m-%Y"),
        "reason": dossier.get_closure_reason_display(),
        "why": reason.strip(),
    }
    dossier.closed_on = None
    dossier.closed_recorded_on = None
    dossier.closure_reason = ""
    dossier.can_continue_independently = ""
    dossier.client_rating = None
    dossier.save()
    dossier.safeguards.all().delete()
    record_event(dossier, user, EventKind.REOPENED, today(), previous)
    return dossier


@transaction.atomic
def reassign_lead_worker(dossiers: Iterable[Dossier], *, user, lead_worker) -> list[Dossier]:
    """A team coach hands one or many dossiers of their team to another lead worker in one
    step (all or nothing); each change is recorded on the dossier's timeline."""
    pks = sorted({d.pk for d in dossiers})
    if not pks:
        raise ValidationError({"dossiers": [_("Choose at least one dossier.")]})
    locked = list(Dossier.objects.select_for_update().filter(pk__in=pks).order_by("pk"))
    if len(locked) != len(pks) or any(not is_coach_of(user, d.team_id) for d in locked):
        raise PermissionDenied
    errors: dict = {}
    if lead_worker is None:
        errors["lead_worker"] = [_("Choose the new lead worker.")]
    elif any(d.team_id not in team_ids(lead_worker) for d in locked):
        errors["lead_worker"] = [_("The lead worker must be a member of the team.")]
    closed = [str(d.pk) for d in locked if d.is_closed]
    if closed:
        errors["dossiers"] = [_("Closed dossiers cannot be changed: %(numbers)s.") % {"numbers": ", ".join(closed)}]
    _raise(errors)
    name = lead_worker.get_full_name() or lead_worker.username
    changed = [d for d in locked if d.lead_worker_id != lead_worker.pk]
    for dossier in changed:
        dossier.lead_worker = lead_worker
        dossier.updated_at = timezone.now()
    Dossier.objects.bulk_update(changed, ["lead_worker", "updated_at"])
    Dossier.workers.through.objects.bulk_create(
        [Dossier.workers.through(dossier_id=d.pk, user_id=lead_worker.pk) for d in changed], ignore_conflicts=True
    )
    DossierEvent.objects.bulk_create(
        DossierEvent(dossier=d, user=user, kind=EventKind.LEAD_WORKER, on=today(), detail=name[:300]) for d in changed
    )
    return locked
