from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Client portal (Mijn buurtteam)")

    def ready(self):
        from cases import extensions
        from portal.panels import portal_panel_context, portal_timeline

        extensions.register_dossier_panel(order=40, template="portal/staff/_panel.html", context=portal_panel_context)
        extensions.register_timeline_source(portal_timeline)
