"""python manage.py iwmo_301 REFERRAL_REF [...] --out DIR (wmo-toegang.md): for each granted
referral named, a 301 with its current allocation in DIR/<BerichtIdentificatie>.xml, for a lost
message and, at go-live, for the allocations migrated from the previous system. A referral
that cannot be expressed as a valid 301 is named with the reason and gets no file; the command
then exits 1. The messages are stored like every other (sent when written)."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from maatwerk.models import Referral
from toegang import outbound, transport
from toegang.models import MessageStatus


class Command(BaseCommand):
    help = "Write a 301 (toewijzing) with the current allocation of each granted referral named."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("refs", nargs="+", metavar="REFERRAL_REF")
        parser.add_argument("--out", required=True, type=Path, help="folder to write the messages to")

    def handle(self, *args: Any, refs: Any, out: Any, **options: Any) -> None:
        found = {r.ref: r for r in Referral.objects.filter(ref__in=refs)
                 .select_related("client", "product", "provider", "dossier")}
        failed = 0
        for ref in refs:
            referral = found.get(ref)
            problems = ["onbekende verwijzing"] if referral is None else outbound.allocation_problems(referral)
            if problems:
                failed += 1
                self.stdout.write(f"{ref}: geen 301: {'; '.join(str(p) for p in problems)}")
                continue
            try:
                with transaction.atomic():
                    assert referral is not None
                    (message,) = outbound.send_allocations([referral])
                    path = transport.write_file(out, f"{message.identification}.xml", message.xml.encode("utf-8"))
                    message.status, message.sent_at = MessageStatus.SENT, timezone.now()
                    message.save(update_fields=["status", "sent_at"])
            except ValidationError as error:
                failed += 1
                self.stdout.write(f"{ref}: geen 301: {'; '.join(error.messages)}")
                continue
            self.stdout.write(f"{ref}: {path}")
        if failed:
            raise CommandError(f"{failed} van {len(refs)} verwijzingen zonder 301", returncode=1)
