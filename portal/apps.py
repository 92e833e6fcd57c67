from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Client portal (Mijn buurtteam)")

    def ready(self):
        from cases import extensions
        from portal import retention
        from portal.panels import open_proposals, portal_panel_context, portal_timeline

        extensions.register_dossier_panel(order=40, template="portal/staff/_panel.html", context=portal_panel_context)
        extensions.register_timeline_source(portal_timeline)
        extensions.register_open_items(open_proposals)
        # Before journal, work and plans (order 10, 20): portal rows refer to their documents, goals, actions.
        extensions.register_destruction_step(retention.destroy, order=8)
        extensions.register_inzage_section(retention.inzage, order=60)
