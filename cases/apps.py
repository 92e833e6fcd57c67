from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Cases")

    def ready(self):
        from django.contrib.auth.signals import user_login_failed

        from cases import checks, extensions, history, throttle  # noqa: F401 (checks registers itself)
        from cases.history_panel import history_panel_context, inzage

        history.track_cases()
        user_login_failed.connect(throttle.count_failure, dispatch_uid="cases-login-failures-per-address")
        extensions.register_destruction_step(history.erase, order=95)
        extensions.register_inzage_section(inzage, order=95)
        extensions.register_dossier_panel(order=90, template="cases/_history_panel.html",
                                          context=history_panel_context)
