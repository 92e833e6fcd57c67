"""Journal entries and documents in the functional administrators' admin: metadata only,
read-only. An entry's text (confidential or not) and a document's content are never shown
here: they are read in the dossier, where the access rules and the access log apply."""

from django.contrib import admin

from cases.admin_site import ReadOnlyModelAdmin
from journal.models import Document, JournalEntry


@admin.register(JournalEntry)
class JournalEntryAdmin(ReadOnlyModelAdmin):
    list_display = ["id", "dossier_id", "written_on", "kind", "minutes", "author", "confidential", "corrects_id"]
    list_filter = ["kind", "confidential"]
    fields = ["ref", "dossier", "written_on", "kind", "minutes", "author", "author_ref", "confidential", "corrects",
              "created_at"]
    readonly_fields = fields
    search_fields = ["ref"]  # never the text
    list_select_related = ["author"]


@admin.register(Document)
class DocumentAdmin(ReadOnlyModelAdmin):
    list_display = ["id", "dossier_id", "kind", "original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["kind", "content_type"]
    fields = ["dossier", "kind", "description", "original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    list_select_related = ["uploaded_by"]
