"""Writing the access log (NEN 7513): who, when, which client/dossier, what, from where."""

from collections.abc import Iterable

from cases.models import AccessLogEntry


def client_address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def log_access(request, action: str, *, client=None, dossier=None, detail: str = "") -> None:
    AccessLogEntry.objects.create(
        user=request.user,
        action=action,
        client=client,
        dossier=dossier,
        remote_addr=client_address(request),
        path=request.get_full_path()[:300],
        detail=detail[:300],
    )


def log_access_many(request, action: str, *, clients: Iterable = (), dossier=None, detail: str = "") -> None:
    """One entry per client (e.g. all members shown on a dossier page), in one query."""
    common = {
        "user": request.user,
        "action": action,
        "dossier": dossier,
        "remote_addr": client_address(request),
        "path": request.get_full_path()[:300],
        "detail": detail[:300],
    }
    entries = [AccessLogEntry(client=client, **common) for client in clients]
    if not entries:
        entries = [AccessLogEntry(**common)]
    AccessLogEntry.objects.bulk_create(entries)
