"""The second factors of staff. TOTP (an authenticator app) and recovery codes are
django-otp's own devices (``otp_totp``, ``otp_static``); this app adds one device kind:
a login through the organisation's OpenID Connect provider that proved multi-factor
authentication (docs/adr/0090)."""

from django.conf import settings
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


class DeviceReset(models.Model):
    """Four eyes on a second-factor reset (docs/adr/0190): one functional administrator asks,
    another one (not the staff member concerned) confirms; only then are the devices removed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("staff member"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("requested by"), db_index=False)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("confirmed by"), db_index=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        verbose_name = _("second-factor reset")
        verbose_name_plural = _("second-factor resets")
        constraints = [models.UniqueConstraint(fields=["user"], condition=models.Q(confirmed_at__isnull=True),
                                               name="staffauth_one_open_reset")]

    def __str__(self):
        return f"{self.user} ({self.requested_at:%d-%m-%Y})"
