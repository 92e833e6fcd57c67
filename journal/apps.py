from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = _("Journal")

    def ready(self):
        from cases import extensions
        from journal import retention
        from journal.panels import journal_panel_context, journal_timeline

        extensions.register_dossier_panel(order=40, template="journal/_panel.html", context=journal_panel_context)
        extensions.register_timeline_source(journal_timeline)

        extensions.register_destruction_step(retention.destroy, order=10)
        extensions.register_destruction_step(retention.destroy_entries, order=10, kind="journal")
        extensions.register_destruction_step(retention.destroy_documents, order=10, kind="documents")
        extensions.register_data_kind("journal", label=retention.JOURNAL_LABEL, present=retention.has_entries)
        extensions.register_data_kind("documents", label=retention.DOCUMENTS_LABEL, present=retention.has_documents)
        extensions.register_inzage_section(retention.inzage, order=50)
