from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToegangConfig(AppConfig):
    name = "toegang"
    verbose_name = _("Wmo toegang")

    def ready(self) -> None:
        from cases import extensions
        from maatwerk.signals import referral_changed
        from toegang import receivers, retention
        from toegang.panels import open_requests, toegang_panel_context, toegang_timeline

        extensions.register_dossier_panel(order=42, template="toegang/_panel.html", context=toegang_panel_context)
        extensions.register_timeline_source(toegang_timeline)
        extensions.register_open_items(open_requests)
        # Before maatwerk (30): messages and letters refer to referrals and meldingen.
        extensions.register_destruction_step(retention.destroy, order=25)
        extensions.register_inzage_section(retention.inzage, order=45)
        referral_changed.connect(receivers.referral_changed, dispatch_uid="toegang.referral_changed")
