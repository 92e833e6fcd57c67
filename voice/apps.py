from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoiceConfig(AppConfig):
    """The client's own voice (client-voice.md): the client-experience questionnaire at closure."""

    name = "voice"
    verbose_name = _("Client experience")

    def ready(self) -> None:
        from cases import extensions
        from voice import retention
        from voice.panels import voice_panel_context

        extensions.register_dossier_panel(order=85, template="voice/_panel.html", context=voice_panel_context)

        extensions.register_destruction_step(retention.destroy, order=35)
        extensions.register_inzage_section(retention.inzage, order=25)
