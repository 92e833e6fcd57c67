from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZrmConfig(AppConfig):
    name = "zrm"
    verbose_name = _("ZRM")

    def ready(self):
        from cases import extensions, history
        from zrm import retention
        from zrm.models import Measurement
        from zrm.panels import imported_measurements, member_measurements, zrm_panel_context

        extensions.register_dossier_panel(order=20, template="zrm/_panel.html", context=zrm_panel_context)
        extensions.register_member_usage(member_measurements)
        extensions.register_timeline_source(imported_measurements)

        extensions.register_destruction_step(retention.destroy, order=30)
        extensions.register_inzage_section(retention.inzage, order=20)
        history.track(Measurement)
