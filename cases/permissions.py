"""Who may do what: every role check of the application, in one place.

Roles come from memberships and are read once per request (cached on the user object), so
scoping every query costs no extra queries. Views use the decorators; services and
querysets use the helpers (``team_ids(user)`` scopes every query)."""

from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import PermissionDenied

from cases.roles import TEAM_ROLES, Role


@dataclass(frozen=True)
class Roles:
    team_ids: frozenset[int]  # teams the user works in (generalist or team coach)
    coached_team_ids: frozenset[int]
    beleid: bool
    beheer: bool

    @property
    def sees_figures(self) -> bool:
        return bool(self.team_ids) or self.beleid

    @property
    def sees_organisation(self) -> bool:
        """Organisation-wide figures: policy staff and team coaches."""
        return self.beleid or bool(self.coached_team_ids)

    @property
    def can_recompute(self) -> bool:
        """Who may ask for the figures to be computed again: the same people."""
        return self.sees_organisation

    @property
    def can_freeze(self) -> bool:
        """Who may freeze a period's figures (vaststellen): policy staff."""
        return self.beleid


_NO_ROLES = Roles(frozenset(), frozenset(), False, False)


def roles(user) -> Roles:
    if user is None or not user.is_authenticated or not user.is_active:
        return _NO_ROLES
    cached = getattr(user, "_buurtteam_roles", None)
    if cached is None:
        team_ids, coached, beleid, beheer = set(), set(), False, user.is_superuser
        for team_id, role in user.memberships.filter(confirmed_at__isnull=False).values_list("team_id", "role"):
            if role in TEAM_ROLES:
                team_ids.add(team_id)
            if role == Role.TEAMCOACH:
                coached.add(team_id)
            beleid |= role == Role.BELEID
            beheer |= role == Role.BEHEER
        cached = Roles(frozenset(team_ids), frozenset(coached), beleid, beheer)
        user._buurtteam_roles = cached
    return cached


def team_ids(user) -> frozenset[int]:
    return roles(user).team_ids


def is_coach_of(user, team_id: int) -> bool:
    return team_id in roles(user).coached_team_ids


def is_beheer(user) -> bool:
    return roles(user).beheer


def can_recompute(user) -> bool:
    return roles(user).can_recompute


def can_freeze(user) -> bool:
    return roles(user).can_freeze


def _requires(check):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not check(roles(request.user)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# Views: 403 for a logged-in user without the role (login itself is required everywhere).
beheer_required = _requires(lambda r: r.beheer)
organisation_required = _requires(lambda r: r.sees_organisation)
figures_required = _requires(lambda r: r.sees_figures)
