"""The GGk adapter's inbox folder (docs/adr/0161): every ``*.xml`` processed in name order
(``toegang.inbound.receive``) and moved into ``verwerkt/``, ``dubbel/`` or ``geweigerd/``."""

import os

from toegang.inbound import receive
from toegang.models import MessageStatus
from toegang.transport import DONE_FOLDERS, inbox


def poll() -> dict[str, str]:
    """Process the inbox: {file name: verwerkt | dubbel | geweigerd: reason}."""
    folder = inbox()
    if not folder.is_dir():
        return {}
    lines = {}
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".xml"):
        outcome = receive(path.read_bytes(), path.name)
        done = folder / DONE_FOLDERS[MessageStatus(outcome.status)]
        done.mkdir(exist_ok=True)
        os.replace(path, done / path.name)
        lines[path.name] = outcome.line
    return lines
