"""Journal entries and documents in the functional administrators' admin: metadata only,
read-only. An entry's text (confidential or not) and a document's content are never shown
here: they are read in the dossier, where the access rules and the access log apply.
Documents are not in the admin at all: their file names and descriptions name persons
("verslag huisarts Jansen.pdf"), and the admin writes no access log (issue 26, item 6)."""

from django.contrib import admin

from cases.admin_site import ReadOnlyModelAdmin
from journal.models import JournalEntry


@admin.register(JournalEntry)
class JournalEntryAdmin(ReadOnlyModelAdmin):
    list_display = ["id", "dossier_id", "written_on", "kind", "minutes", "author", "confidential", "corrects_id"]
    list_filter = ["kind", "confidential"]
    fields = ["ref", "dossier", "written_on", "kind", "minutes", "author", "author_ref", "confidential", "corrects",
              "created_at"]
    readonly_fields = fields
    search_fields = ["ref"]  # never the text
    list_select_related = ["author"]
