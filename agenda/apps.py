from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Appointments and letters")

    def ready(self) -> None:
        from agenda import retention
        from agenda.panels import agenda_panel_context, agenda_timeline
        from cases import extensions

        extensions.register_dossier_panel(order=38, template="agenda/_panel.html", context=agenda_panel_context)
        extensions.register_timeline_source(agenda_timeline)
        # Before journal (letters are journal documents) and cases (members, dossiers).
        extensions.register_destruction_step(retention.destroy, order=22)
        extensions.register_inzage_section(retention.inzage, order=44)
