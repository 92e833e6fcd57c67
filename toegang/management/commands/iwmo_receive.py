"""python manage.py iwmo_receive FILE [...] (wmo-toegang.md): process inbound iWmo messages in
the order given and print one line per file: ``verwerkt``, ``dubbel`` or ``geweigerd: <reason>``.
Exit 0 when none was refused, else 1. The files stay where they are (the watched inbox moves
them: ``toegang.transport.poll_inbox``)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from toegang.inbound import receive
from toegang.models import MessageStatus


class Command(BaseCommand):
    help = "Process inbound iWmo messages (305, 307, 315, 317) in the order given."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")

    def handle(self, *args: Any, files: Any, **options: Any) -> None:
        refused = 0
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as error:
                refused += 1
                self.stdout.write(f"geweigerd: bestand niet te lezen ({error.strerror})")
                continue
            outcome = receive(data, path.name)
            refused += outcome.status == MessageStatus.REFUSED
            self.stdout.write(outcome.line)
        if refused:
            raise CommandError(f"{refused} van {len(files)} berichten geweigerd", returncode=1)
