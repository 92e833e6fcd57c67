"""The full change history of a dossier and of a client: read-only pages (there is no way to
change or remove a record), scoped to the user's teams, access-logged."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from cases.audit import log_access, log_access_many
from cases.history_panel import client_records, dossier_records, readable
from cases.models import AccessAction, Client
from cases.shortcuts import get_dossier, paginate


def dossier_history(request, pk):
    dossier = get_dossier(request, pk)
    page = paginate(request, dossier_records(dossier))
    page.object_list = readable(page.object_list)
    members = [m.client for m in dossier.members.select_related("client")]
    log_access_many(request, AccessAction.VIEW, clients=members, dossier=dossier, detail=_("change history"))
    return render(request, "cases/history.html", {
        "dossier": dossier, "page": page, "title": _("Change history of dossier %(number)s") % {"number": dossier.pk},
        "back": dossier.get_absolute_url(),
    })


def client_history(request, pk):
    client = get_object_or_404(Client.objects.for_user(request.user), pk=pk)
    page = paginate(request, client_records(request.user, client))
    page.object_list = readable(page.object_list)
    log_access(request, AccessAction.VIEW, client=client, detail=_("change history"))
    return render(request, "cases/history.html", {
        "client": client, "page": page, "title": _("Change history of %(client)s") % {"client": client.display_name},
        "back": reverse("cases:client", args=[client.pk]),
    })
