"""Writing the access log (NEN 7513): who, when, which client/dossier, what, from where."""

import ipaddress
import re
from collections.abc import Iterable

from django.conf import settings
from django.utils import translation

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


# Nine digits, perhaps grouped with spaces or dots: a BSN (or what may be one).
_BSN = re.compile(r"(?<!\d)\d(?:[ .]?\d){8}(?!\d)")


def mask_bsn(text: str) -> str:
    """``text`` with every BSN-like number masked to its last four digits, as the app
    shows a BSN (``*****2333``): a searched BSN is never stored or shown in full."""
    return _BSN.sub(lambda match: "*****" + re.sub(r"\D", "", match.group())[-4:], text or "")


def _in_organisation_language(text) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def _common(request, action: str, detail: str) -> dict:
    return {
        "user": request.user,
        "action": action,
        "remote_addr": client_address(request),
        "path": mask_bsn(request.get_full_path())[:300],
        # Stored in the organisation's language (a lazy text is made Dutch here), whatever
        # language the user browses in: the access log is read by the organisation.
        "detail": mask_bsn(_in_organisation_language(detail))[:300],
    }


def log_access(request, action: str, *, client=None, dossier=None, detail: str = "") -> None:
    AccessLogEntry.objects.create(client=client, dossier=dossier, **_common(request, action, detail))


def log_access_many(request, action: str, *, clients: Iterable = (), dossier=None, detail: str = "") -> None:
    """One entry per client (e.g. all members shown on a dossier page), in one query."""
    log_access_rows(request, action, [(dossier, client) for client in clients], detail=detail,
                    empty_dossier=dossier)


def log_access_rows(request, action: str, rows: Iterable[tuple], *, detail: str = "", empty_dossier=None) -> None:
    """One entry per (dossier, client) shown, e.g. every member of every dossier on a list
    page, in one query. With nothing shown, one entry without a client records the look."""
    common = _common(request, action, detail)
    entries, seen = [], set()
    for dossier, client in rows:
        key = (getattr(dossier, "pk", dossier), getattr(client, "pk", client))
        if key not in seen:
            seen.add(key)
            entries.append(AccessLogEntry(dossier_id=key[0], client_id=key[1], **common))
    if not entries:
        entries = [AccessLogEntry(dossier=empty_dossier, **common)]
    AccessLogEntry.objects.bulk_create(entries)


def log_listed_dossiers(request, action: str, dossiers: Iterable, *, detail: str = "") -> None:
    """A list page: every member of every dossier listed (members prefetched), one query."""
    log_access_rows(request, action, [(d, m.client_id) for d in dossiers for m in d.members.all()], detail=detail)
