from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZrmConfig(AppConfig):
    name = "zrm"
    verbose_name = _("ZRM")
