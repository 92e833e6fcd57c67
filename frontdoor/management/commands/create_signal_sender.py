from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from frontdoor.api import create_sender


class Command(BaseCommand):
    help = "Create a signal sender (a signal hub) and print its token once: it may only POST signals."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name")

    def handle(self, *args: Any, **options: Any) -> None:
        _sender, token = create_sender(options["name"])
        self.stdout.write(token)
