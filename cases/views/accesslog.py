"""The access log for functional administrators: read, filter, export per client."""


from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _

from cases.audit import log_access, mask_bsn
from cases.models import AccessAction, AccessLogEntry, Client
from cases.permissions import is_beheer
from cases.shortcuts import paginate
from cases.spreadsheet import csv_response


def _require_beheer(request):
    if not is_beheer(request.user):
        raise PermissionDenied


def _find_client(term: str):
    term = term.strip()
    match = Q(ref=term) | Q(bsn=term)
    if term.isdigit() and len(term) < 12:
        match |= Q(pk=int(term))
    return Client.objects.filter(match).first()


def access_log(request):
    _require_beheer(request)
    entries = AccessLogEntry.objects.select_related("user", "client", "dossier")
    client = None
    client_term = request.GET.get("client", "").strip()
    if client_term:
        client = _find_client(client_term)
        entries = entries.filter(client=client) if client else entries.none()
    user_term = request.GET.get("user", "").strip()
    if user_term:
        entries = entries.filter(user__username=user_term)
    dossier_term = request.GET.get("dossier", "").strip()
    if dossier_term.isdigit():
        entries = entries.filter(dossier_id=int(dossier_term))
    page = paginate(request, entries, per_page=100)
    for entry in page:  # entries written before BSNs were masked on writing
        entry.detail = mask_bsn(entry.detail)
    return render(request, "cases/access_log.html", {"page": page, "client": client, "query": request.GET})


def access_log_export(request, client_pk):
    """Every access to one client's data as CSV (for an inzageverzoek)."""
    _require_beheer(request)
    client = get_object_or_404(Client, pk=client_pk)
    log_access(request, AccessAction.EXPORT, client=client, detail=_("access log export"))
    entries = AccessLogEntry.objects.filter(client=client).select_related("user").order_by("at", "id")
    with translation.override(settings.LANGUAGE_CODE):  # Dutch like the column names, not codes
        actions = {code: str(label) for code, label in AccessAction.choices}
    rows = [[
        entry.at,
        (entry.user.get_full_name() or entry.user.username) if entry.user else "",
        actions.get(entry.action, entry.action),
        entry.client_id or "",
        entry.dossier_id or "",
        entry.remote_addr or "",
        mask_bsn(entry.path),
        mask_bsn(entry.detail),
    ] for entry in entries.iterator()]
    header = ["tijdstip", "medewerker", "actie", "cliënt", "dossier", "adres", "pagina", "toelichting"]
    response = csv_response(f"toegangslog-client-{client.pk}.csv", [header, *rows])
    return response
