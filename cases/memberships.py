"""Granting and withdrawing access (memberships), as the admin does it.

- Every grant, change and withdrawal goes into the access log: who gave whom which
  access (NEN 7513), next to Django's admin history.
- A membership that gives access to personal data (generalist, team coach, functional
  administrator) cannot be granted by the same person to themselves: another
  administrator must do it.

Rule violations raise ``ValidationError`` keyed by the form field (``role``)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases import history
from cases.audit import log_access
from cases.models import AccessAction, Membership
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
    membership.full_clean()
    membership.save()
    if before is not None:
        _log(request, _("access withdrawn: %(user)s – %(access)s"), before)
    _log(request, _("access granted: %(user)s – %(access)s"), membership)
    return membership


@transaction.atomic
def withdraw_membership(request, membership: Membership) -> None:
    if membership.pk is None:
        raise PermissionDenied
    _log(request, _("access withdrawn: %(user)s – %(access)s"), membership)
    history.removed(membership)
    membership.delete()
