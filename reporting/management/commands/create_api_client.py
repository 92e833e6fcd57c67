from django.core.management.base import BaseCommand, CommandError

from reporting.models import ApiClient


class Command(BaseCommand):
    help = "Create a read-only machine client for the indicators API and print its token once."

    def add_arguments(self, parser):
        parser.add_argument("name")

    def handle(self, name, **options):
        if ApiClient.objects.filter(name=name).exists():
            raise CommandError(f"Er bestaat al een API-client met de naam {name!r}.")
        _client, token = ApiClient.create_with_token(name)
        self.stdout.write(f"API-client {name!r} aangemaakt. Token (wordt maar één keer getoond):\n{token}")
