from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaatwerkConfig(AppConfig):
    name = "maatwerk"
    verbose_name = _("Maatwerk")
