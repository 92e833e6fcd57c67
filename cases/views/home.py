from django.shortcuts import redirect, render

from cases.access import roles


def home(request):
    user_roles = roles(request.user)
    if user_roles.team_ids:
        return redirect("cases:my_dossiers")
    if user_roles.beleid:
        return redirect("reporting:organisation")
    if user_roles.beheer:
        return redirect("admin:index")
    return render(request, "cases/no_role.html")
