"""Granting and withdrawing access (memberships), as the admin does it.

- Every grant, change and withdrawal goes into the access log: who gave whom which
  access (NEN 7513), next to Django's admin history.
- A membership that gives access to personal data (generalist, team coach, functional
  administrator) cannot be granted by the same person to themselves: another
  administrator must do it.
- Four eyes (docs/adr/0190): such a membership waits for a second person's confirmation
  before it gives its role. A functional administrator's by another functional
  administrator; a generalist's or team coach's by a coach of that team or another
  functional administrator; never by the one who granted it nor by the one who gets it.

Rule violations raise ``ValidationError`` keyed by the form field (``role``)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import history
from cases.audit import log_access
from cases.models import AccessAction, Membership
from cases.permissions import roles
from cases.roles import TEAM_ROLES, Role

PERSONAL_DATA_ROLES = (*TEAM_ROLES, Role.BEHEER)


def describe(membership: Membership) -> str:
    what = membership.get_role_display()
    return f"{what} ({membership.team})" if membership.team_id else str(what)


def grant_errors(by, user, role: str) -> dict:
    if by is not None and user is not None and by.pk == user.pk and role in PERSONAL_DATA_ROLES:
        return {"role": [_("You cannot give yourself a role with access to personal data; ask another "
                           "administrator.")]}
    return {}


def _log(request, text: str, membership: Membership) -> None:
    log_access(request, AccessAction.CHANGE, detail=text % {
        "user": membership.user.get_username(), "access": describe(membership)})


@transaction.atomic
def save_membership(request, membership: Membership) -> Membership:
    """Grant a new membership or change an existing one (role or team)."""
    before = None
    if membership.pk is not None:
        before = (Membership.objects.select_for_update(of=("self",)).select_related("team")
                  .filter(pk=membership.pk).first())
    changed = before is None or (before.role, before.team_id, before.user_id) != (
        membership.role, membership.team_id, membership.user_id)
    if not changed:
        return membership
    errors = grant_errors(request.user, membership.user, membership.role)
    if errors:
        raise ValidationError(errors)
    membership.granted_by, membership.granted_at = request.user, timezone.now()
    pending = membership.role in PERSONAL_DATA_ROLES
    membership.confirmed_by, membership.confirmed_at = (None, None) if pending else (request.user, timezone.now())
    membership.full_clean()
    membership.save()
    if before is not None:
        _log(request, _("access withdrawn: %(user)s – %(access)s"), before)
    if pending:
        _log(request, _("access granted, awaiting a second person's confirmation: %(user)s – %(access)s"),
             membership)
    else:
        _log(request, _("access granted: %(user)s – %(access)s"), membership)
    return membership


def may_confirm(by, membership: Membership) -> bool:
    """Whether ``by`` may confirm ``membership`` (the rule of the module's docstring)."""
    if by is None or by.pk in (membership.granted_by_id, membership.user_id):
        return False
    mine = roles(by)
    if membership.role == Role.BEHEER:
        return mine.beheer
    return mine.beheer or membership.team_id in mine.coached_team_ids


def awaiting(by) -> list[Membership]:
    """The memberships ``by`` may confirm now."""
    waiting = Membership.objects.filter(confirmed_at__isnull=True).select_related("user", "team", "granted_by")
    return [m for m in waiting.order_by("granted_at", "id") if may_confirm(by, m)]


@transaction.atomic
def confirm_membership(request, membership_id: int) -> Membership:
    """The second person confirms a granted role: from now on it gives access."""
    membership = (Membership.objects.select_for_update(of=("self",)).select_related("user", "team")
                  .filter(pk=membership_id, confirmed_at__isnull=True).first())
    if membership is None:
        raise ValidationError(_("This access is no longer awaiting confirmation."))
    if not may_confirm(request.user, membership):
        raise PermissionDenied
    membership.confirmed_by, membership.confirmed_at = request.user, timezone.now()
    membership.save(update_fields=["confirmed_by", "confirmed_at"])
    _log(request, _("access confirmed: %(user)s – %(access)s"), membership)
    return membership


@transaction.atomic
def withdraw_membership(request, membership: Membership) -> None:
    if membership.pk is None:
        raise PermissionDenied
    _log(request, _("access withdrawn: %(user)s – %(access)s"), membership)
    history.removed(membership)
    membership.delete()
