"""Texts that settings name (read at settings time: no models imported here)."""

from django.utils.translation import gettext_lazy as _

# The subject of the e-mail with the login code (django-otp's OTP_EMAIL_SUBJECT).
LOGIN_CODE_SUBJECT = _("Your login code for Mijn buurtteam")
