"""Journal pages of a dossier (list and search, write, correct, export) and its documents
(upload, download). Every view starts from the user's dossiers (``get_dossier``: another
team's dossier is a 404) and the user's readable entries; every page or file that shows
entry text or a document is in the access log."""


from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cases.audit import log_access, log_access_many
from cases.models import AccessAction
from cases.services import today
from cases.shortcuts import get_dossier, paginate, submit_form
from cases.spreadsheet import csv_response
from journal import services
from journal.forms import CorrectionForm, DocumentForm, EntryForm, SearchForm
from journal.models import Document
from journal.reading import log_persons, log_read, readable, threads


def entry_list(request, pk):
    dossier = get_dossier(request, pk)
    search = SearchForm(request.GET or None)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    page = paginate(request, threads(request.user, dossier, query), per_page=25)
    if query:
        log_access(request, AccessAction.SEARCH, dossier=dossier, detail=_("journal search: %(q)s") % {"q": query})
    log_read(request, dossier, page.object_list, AccessAction.VIEW)
    return render(request, "journal/entry_list.html", {
        "dossier": dossier, "page": page, "search": search, "query": query, "can_write": not dossier.is_closed,
    })

def entry_new(request, pk):
    dossier = get_dossier(request, pk)
    members = list(dossier.members.select_related("client"))
    form = EntryForm(request.POST or None, members=members, dossier=dossier, initial={"written_on": today()})
    if request.method == "GET":
        log_access_many(request, AccessAction.VIEW, clients=[m.client for m in members], dossier=dossier,
                        detail="journal: new entry form")
    if submitted := submit_form(
        request, form,
        lambda data: services.write_entry(
            dossier, user=request.user, written_on=data["written_on"], kind=data["kind"], text=data["text"],
            minutes=data["minutes"], confidential=data["confidential"], client=form.member()),
        success=_("The journal entry has been saved."),
    ):
        log_access(request, AccessAction.CREATE, dossier=dossier, detail=f"journal: {submitted.result.pk}")
        return redirect(submitted.result.get_absolute_url())
    return render(request, "journal/entry_form.html", {"dossier": dossier, "form": form,
                                                       "forms_with_errors": [form] if form.errors else [],
                                                       "title": _("New journal entry")})

def entry_correct(request, pk, entry_pk):
    dossier = get_dossier(request, pk)
    original = get_object_or_404(readable(request.user, dossier).select_related("author", "client"), pk=entry_pk)
    form = CorrectionForm(request.POST or None)
    if submitted := submit_form(request, form,
                                lambda data: services.correct_entry(original, user=request.user, text=data["text"]),
                                success=_("The correction has been saved.")):
        log_access(request, AccessAction.CREATE, dossier=dossier, detail=f"journal: {submitted.result.pk}")
        return redirect(original.get_absolute_url())
    log_read(request, dossier, [original], AccessAction.VIEW)
    return render(request, "journal/entry_correct.html", {
        "dossier": dossier, "form": form, "original": original, "title": _("Correct a journal entry"),
        "forms_with_errors": [form] if form.errors else [],
    })

def entry_export(request, pk):
    """The dossier's journal as CSV: what the user may read, nothing more."""
    dossier = get_dossier(request, pk)
    entries = list(readable(request.user, dossier).select_related("author", "client").order_by("written_on", "id"))
    header = [_("number"), _("date"), _("kind"), _("minutes"), _("author"), _("member"), _("confidential"),
              _("corrects"), _("text")]
    rows = [[e.pk, e.written_on, e.get_kind_display(), e.minutes, (e.author.get_full_name() or e.author.username)
             if e.author else e.author_ref, e.client.display_name if e.client else "", e.confidential,
             e.corrects_id, e.text] for e in entries]
    if entries:
        log_persons(request, dossier, AccessAction.EXPORT, "journal: " + ",".join(str(e.pk) for e in entries))
    response = csv_response(f"journaal-dossier-{dossier.pk}.csv", [header, *rows])
    return response


def document_new(request, pk):
    dossier = get_dossier(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if submitted := submit_form(
        request, form,
        lambda data: services.upload_document(dossier, user=request.user, upload=data["file"], kind=data["kind"],
                                              description=data["description"]),
        success=_("The document has been stored."),
    ):
        log_access(request, AccessAction.CREATE, dossier=dossier, detail=f"document: {submitted.result.pk}")
        return redirect(dossier.get_absolute_url() + "#journal-heading")
    return render(request, "journal/document_form.html", {
        "dossier": dossier, "form": form, "forms_with_errors": [form] if form.errors else [],
        "title": _("Add a document"),
    })

def document_download(request, pk, document_pk):
    dossier = get_dossier(request, pk)
    document = get_object_or_404(Document.objects.for_user(request.user).filter(dossier=dossier), pk=document_pk)
    log_access(request, AccessAction.VIEW, dossier=dossier, detail=f"document: {document.pk}")
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name,
                            content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
