from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = _("Journal")

    def ready(self):
        from cases import extensions
        from journal.panels import journal_panel_context, journal_timeline

        extensions.register_dossier_panel(order=40, template="journal/_panel.html", context=journal_panel_context)
        extensions.register_timeline_source(journal_timeline)
