"""The demo's second factor (``make run``): every demo account gets an authenticator app
with one shared, printed key, so whoever tries the demo adds it to an app once (or asks
``manage.py demo_code``) and logs in as any demo user. Real accounts never get it: only
``exchange``'s demo_data command calls this, for the accounts it made."""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from staffauth.services import APP_DEVICE_NAME, key_from_secret, new_recovery_codes, secret_for_people

# Printed on screen by demo_data: demo logins only (a real account enrols its own key).
DEMO_SECRET = "BUUR TTEA MDEM OSLE UTEL GEHE IMXX DEMO"  # noqa: S105


def demo_key() -> str:
    return key_from_secret(DEMO_SECRET)


def give_demo_devices(users) -> None:
    """An app device with the demo key for each user that has none yet. Not with DEBUG off:
    a demo loaded on a production-like set-up enrols its own keys at first login."""
    if not settings.DEBUG:
        return
    key = demo_key()
    for user in users:
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, key=key, confirmed=True)
            new_recovery_codes(user)


def login_lines() -> list[str]:
    if not settings.DEBUG:
        return ["Tweestapsverificatie: bij de eerste login stelt elke gebruiker een authenticator-app in."]
    return [
        "Tweestapsverificatie: voeg in een authenticator-app (Microsoft/Google Authenticator, FreeOTP)",
        f"  deze sleutel toe (tijdgebaseerd): {secret_for_people(demo_key())}",
        "  of vraag de code van nu op met: .venv/bin/python manage.py demo_code",
    ]
