from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontdoorConfig(AppConfig):
    name = "frontdoor"
    verbose_name = _("Front door")

    def ready(self) -> None:
        from cases import extensions
        from frontdoor import overdue, retention
        from work.signals import register_conditions

        # Before cases' own step: short contacts and signals refer to dossiers and clients.
        extensions.register_destruction_step(retention.destroy, order=22)
        extensions.register_inzage_section(retention.inzage, order=47)
        register_conditions(overdue.conditions)
