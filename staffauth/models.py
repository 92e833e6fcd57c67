"""The second factors of staff. TOTP (an authenticator app) and recovery codes are
django-otp's own devices (``otp_totp``, ``otp_static``); this app adds one device kind:
a login through the organisation's OpenID Connect provider that proved multi-factor
authentication (docs/adr/0090)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device


class SingleSignOnDevice(Device):
    """Stands for "the identity provider verified a second factor" (its ``amr`` claim).
    It verifies no tokens itself: only the SSO callback logs it in (``django_otp.login``)."""

    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta(Device.Meta):
        verbose_name = _("single sign-on with multi-factor authentication")
        verbose_name_plural = _("single sign-on with multi-factor authentication")

    def verify_token(self, token):
        return False
