"""Writing the access log (NEN 7513): who, when, which client/dossier, what, from where."""

import ipaddress
from collections.abc import Iterable

from django.conf import settings

from cases.models import AccessLogEntry


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request) -> str | None:
    """The client's address (NEN 7513 "from where"), also for login throttling (axes).

    Behind ``PROXY_COUNT`` trusted proxies, each appends the address it received the
    request from to ``X-Forwarded-For``; the client is the entry our outermost trusted
    proxy added, ``PROXY_COUNT`` from the right. Entries further left were sent by the
    client and cannot be trusted. With no proxies, or a header shorter than the proxy
    count (a request that bypassed a proxy), it is the connection's address."""
    remote = _valid_ip(request.META.get("REMOTE_ADDR") or "")
    count = getattr(settings, "PROXY_COUNT", 0)
    if count > 0:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return _valid_ip(forwarded[-count]) or remote
    return remote


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
