from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Moving data in and out: bundle import and export, demo data. The top of the app
    graph: it composes the bundle files every other app describes in its ``bundle.py``."""

    name = "exchange"
    verbose_name = _("Import and export")

    def ready(self):
        from cases import extensions
        from exchange import retention

        extensions.register_destruction_step(retention.destroy, order=5)
