from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaatwerkConfig(AppConfig):
    name = "maatwerk"
    verbose_name = _("Maatwerk")

    def ready(self):
        from cases import extensions
        from maatwerk.panels import referrals_panel_context

        extensions.register_dossier_panel(
            order=40, template="maatwerk/_referrals_panel.html", context=referrals_panel_context
        )
