from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Cases")

    def ready(self):
        from cases import extensions, history
        from cases.history_panel import history_panel_context, inzage

        history.track_cases()
        extensions.register_destruction_step(history.erase, order=95)
        extensions.register_inzage_section(inzage, order=95)
        extensions.register_dossier_panel(order=90, template="cases/_history_panel.html",
                                          context=history_panel_context)
