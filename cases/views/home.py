from django.conf import settings
from django.shortcuts import redirect, render

from cases.permissions import roles


def home(request):
    """The start page by role. The pages of other apps are named by settings
    (``HOME_URL_TEAMCOACH``, ``HOME_URL_GENERALIST``), so cases imports none of them."""
    user_roles = roles(request.user)
    if user_roles.coached_team_ids:
        return redirect(getattr(settings, "HOME_URL_TEAMCOACH", "cases:my_dossiers"))
    if user_roles.team_ids:
        return redirect(getattr(settings, "HOME_URL_GENERALIST", "cases:my_dossiers"))
    if user_roles.beleid:
        return redirect("reporting:organisation")
    if user_roles.beheer:
        return redirect("beheer_home")  # its own start page; the admin's "Website bekijken" leads here too
    return render(request, "cases/no_role.html")
