"""The code an authenticator app with the demo key shows now (``make run`` only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from staffauth.demo import demo_key


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo accounts (refused with DEBUG=false)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_code is for the demo only (DEBUG=true).")
        self.stdout.write(f"{totp(bytes.fromhex(demo_key())):06d}")
