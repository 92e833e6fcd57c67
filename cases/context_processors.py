from django.utils.functional import SimpleLazyObject

from cases.models import Team
from cases.permissions import roles


def navigation(request):
    """The user's roles and teams for the menu; evaluated only when a template uses them."""
    user = getattr(request, "user", None)
    return {
        "user_roles": SimpleLazyObject(lambda: roles(user)),
        "user_teams": SimpleLazyObject(lambda: list(Team.objects.for_user(user))),
    }
