"""The transport to the municipality's GGk adapter: two watched folders (docs/adr/0161).

- Outbound: once the transaction that made a message commits, ``deliver`` writes it to
  ``IWMO_OUTBOX_DIR/<BerichtIdentificatie>.xml`` (written under a temporary name and renamed,
  so the adapter never reads half a file) and marks it sent. A message that could not be
  written stays "ready to send"; ``deliver_ready`` (the beat task) tries again.
- Inbound: the adapter drops provider messages in ``IWMO_INBOX_DIR``; ``toegang.inbox.poll``
  (the beat task) processes every ``*.xml`` in name order and moves each into ``verwerkt/``,
  ``dubbel/`` or ``geweigerd/`` beside it."""

import os
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from toegang.models import Direction, Message, MessageStatus

DONE_FOLDERS = {MessageStatus.PROCESSED: "verwerkt", MessageStatus.DUPLICATE: "dubbel",
                MessageStatus.REFUSED: "geweigerd"}


def outbox() -> Path:
    return Path(settings.IWMO_OUTBOX_DIR)


def inbox() -> Path:
    return Path(settings.IWMO_INBOX_DIR)


def write_file(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    temporary = folder / f".{name}.part"
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return target


@transaction.atomic
def deliver(message_id: int) -> bool:
    message = Message.objects.select_for_update().filter(pk=message_id, direction=Direction.OUT,
                                                         status=MessageStatus.READY).first()
    if message is None:
        return False  # sent already
    write_file(outbox(), f"{message.identification}.xml", message.xml.encode("utf-8"))
    message.status, message.sent_at = MessageStatus.SENT, timezone.now()
    message.save(update_fields=["status", "sent_at"])
    return True


def deliver_ready() -> int:
    ids = list(Message.objects.filter(direction=Direction.OUT, status=MessageStatus.READY)
               .order_by("pk").values_list("pk", flat=True))
    return sum(deliver(pk) for pk in ids)
