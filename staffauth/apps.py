from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffAuthConfig(AppConfig):
    name = "staffauth"
    verbose_name = _("Two-factor login for staff")

    def ready(self):
        from staffauth import checks  # noqa: F401 (registers the system checks)
