from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaatwerkConfig(AppConfig):
    name = "maatwerk"
    verbose_name = _("Maatwerk")

    def ready(self):
        from cases import extensions, history
        from maatwerk import retention
        from maatwerk.models import Referral
        from maatwerk.panels import imported_referrals, member_referrals, open_referrals, referrals_panel_context

        extensions.register_dossier_panel(
            order=40, template="maatwerk/_referrals_panel.html", context=referrals_panel_context
        )
        extensions.register_open_items(open_referrals)
        extensions.register_member_usage(member_referrals)
        extensions.register_timeline_source(imported_referrals)

        extensions.register_destruction_step(retention.destroy, order=30)
        extensions.register_inzage_section(retention.inzage, order=40)
        history.track(Referral)
