"""django-otp registers its devices in the admin (with a page that shows a device's secret
as a QR code). Staff devices are managed on the functional administrator's reset page
instead (``staffauth:staff_devices``, logged), so they are not in the admin."""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
