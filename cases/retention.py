"""Retention and destruction (AVG art. 5 and 17, Wmo; docs/adr/0110 and 0111).

A closed dossier's personal data is due ``RETENTION_YEARS`` after its closure (shorter for a
data kind in ``RETENTION_YEARS_BY_KIND``). One functional administrator proposes a list of
what is due, a second one approves it; ``destroy`` then removes, in one transaction, every
row of the listed dossiers (each app through its step in ``cases.extensions``), the clients
that have no other dossier, and anonymises the access log's entries about them. What stays
is the ``DestructionList`` record: dates, who proposed and approved, counts."""

import datetime as dt
import re
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import connection, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import extensions
from cases.extensions import chunks, delete_by
from cases.models import (
    AccessAction,
    AccessLogEntry,
    Client,
    DestructionItem,
    DestructionList,
    DestructionStatus,
    Dossier,
    DossierEvent,
    DossierMember,
    DossierSafeguard,
    FormerClosure,
    Membership,
)
from cases.permissions import is_beheer
from cases.roles import Role

WHOLE = "dossier"


def terms() -> dict[str, int]:
    """Years after closure per data kind; ``dossier`` is the whole dossier."""
    result = {WHOLE: settings.RETENTION_YEARS}
    for item in settings.RETENTION_YEARS_BY_KIND:
        kind, _sep, years = item.partition("=")
        kind = kind.strip()
        if not years.strip().isdigit() or kind not in extensions.data_kinds():
            raise ImproperlyConfigured(
                f"RETENTION_YEARS_BY_KIND: {item!r} is not kind=years with a kind of "
                f"{sorted(extensions.data_kinds())}"
            )
        if int(years) < settings.RETENTION_YEARS:  # a longer term for a part is the whole's term
            result[kind] = int(years)
    return result


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def cutoff(kind: str = WHOLE, today: dt.date | None = None) -> dt.date:
    """Dossiers closed on or before this day are due for ``kind``."""
    return years_before(today or timezone.localdate(), terms()[kind])


def due(kind: str = WHOLE, today: dt.date | None = None):
    """Closed dossiers due for destruction of ``kind`` and not on a proposed list of it."""
    on_list = DestructionItem.objects.filter(
        dossier=OuterRef("pk"), destruction__kind=kind, destruction__status=DestructionStatus.PROPOSED)
    dossiers = Dossier.objects.filter(closed_on__isnull=False, closed_on__lte=cutoff(kind, today)).exclude(
        Exists(on_list))
    if kind != WHOLE:  # what is due as a whole is destroyed as a whole
        dossiers = extensions.data_kinds()[kind].present(dossiers.filter(closed_on__gt=cutoff(WHOLE, today)))
    return dossiers.order_by("closed_on", "pk")


def due_summary(today: dt.date | None = None) -> list[dict]:
    """Per kind with a term: the term, the cutoff and how many dossiers are due."""
    kinds = extensions.data_kinds()
    summary = []
    for kind, years in terms().items():
        label = _("whole dossier") if kind == WHOLE else kinds[kind].label
        summary.append({"kind": kind, "label": label, "years": years, "cutoff": cutoff(kind, today),
                        "count": due(kind, today).count()})
    return summary


def _require_beheer(user):
    if not is_beheer(user):
        raise ValidationError(_("Only a functional administrator can do this."))


@transaction.atomic
def propose(*, user, kind: str = WHOLE, today: dt.date | None = None) -> DestructionList:
    """A list of every dossier now due for ``kind``, proposed by ``user``."""
    _require_beheer(user)
    if kind not in terms():
        raise ValidationError({"kind": _("This data kind has no retention term of its own.")})
    ids = list(due(kind, today).values_list("pk", flat=True))
    if not ids:
        raise ValidationError({"kind": _("Nothing is due for destruction.")})
    destruction = DestructionList.objects.create(kind=kind, cutoff=cutoff(kind, today), proposed_by=user,
                                                 dossier_count=len(ids))
    DestructionItem.objects.bulk_create(
        [DestructionItem(destruction=destruction, dossier_id=pk) for pk in ids], batch_size=5000)
    return destruction


def _lock_proposed(destruction_id: int) -> DestructionList:
    destruction = DestructionList.objects.select_for_update().get(pk=destruction_id)
    if destruction.status != DestructionStatus.PROPOSED:
        raise ValidationError(_("This list is no longer awaiting approval."))
    return destruction


@transaction.atomic
def withdraw(destruction_id: int, *, user) -> DestructionList:
    _require_beheer(user)
    destruction = _lock_proposed(destruction_id)
    destruction.status = DestructionStatus.WITHDRAWN
    destruction.decided_by, destruction.decided_at = user, timezone.now()
    destruction.save()
    destruction.items.all().delete()
    return destruction


def _clients_leaving(dossier_ids: list[int]) -> list[int]:
    """Members of these dossiers who are a member of no other dossier."""
    chosen = set(dossier_ids)
    candidates: set[int] = set()
    for chunk in chunks(dossier_ids):
        candidates.update(DossierMember.objects.filter(dossier_id__in=chunk).values_list("client_id", flat=True))
    staying: set[int] = set()
    for chunk in chunks(sorted(candidates)):
        for client_id, dossier_id in DossierMember.objects.filter(client_id__in=chunk).values_list(
                "client_id", "dossier_id"):
            if dossier_id not in chosen:
                staying.add(client_id)
    return sorted(candidates - staying)


def _merge(counts: dict, removed: dict) -> None:
    for label, number in removed.items():
        if number:
            counts[label] = counts.get(label, 0) + number


def independent_approver(user, destruction: DestructionList) -> bool:
    """Four eyes (docs/adr/0190): the approver is a different, pre-existing person. Their
    account and confirmed functional administrator role existed before the list was proposed
    and at least ``FOUR_EYES_COOLING_OFF_DAYS`` days before now, and the proposer neither
    granted nor confirmed that role."""
    settled = timezone.now() - dt.timedelta(days=settings.FOUR_EYES_COOLING_OFF_DAYS)
    before = min(settled, destruction.proposed_at)
    if user.date_joined > before:
        return False
    proposer = destruction.proposed_by_id
    return (Membership.objects.filter(user=user, role=Role.BEHEER, confirmed_at__lte=before)
            .exclude(granted_by_id=proposer).exclude(confirmed_by_id=proposer).exists())


@transaction.atomic
def destroy(destruction_id: int, *, user) -> DestructionList:
    """Approve a proposed list (by a second functional administrator) and destroy it."""
    _require_beheer(user)
    destruction = _lock_proposed(destruction_id)
    if destruction.proposed_by_id == user.pk:
        raise ValidationError(_("A second functional administrator must approve: you proposed this list."))
    if not independent_approver(user, destruction):
        raise ValidationError(_(
            "You cannot approve this list: your functional administrator role must be older than the list, "
            "at least %(days)d days old, and neither granted nor confirmed by the one who proposed it.")
            % {"days": settings.FOUR_EYES_COOLING_OFF_DAYS})
    listed = destruction.items.values("dossier_id")
    found = Dossier.objects.select_for_update().filter(pk__in=listed, closed_on__isnull=False,
                                                       closed_on__lte=destruction.cutoff)
    dossiers = list(found.values_list("pk", "closed_on").order_by("pk"))  # reopened ones are left out
    dossier_ids = [pk for pk, _closed in dossiers]
    destruction.status = DestructionStatus.DESTROYING  # lets the access-log trigger anonymise
    destruction.save(update_fields=["status"])
    whole = destruction.kind == WHOLE
    client_ids = _clients_leaving(dossier_ids) if whole else []
    counts: dict[str, int] = {}
    if whole:  # free text naming them, read before their rows go
        _merge(counts, {"cases.AccessLogEntry": _anonymise_access_log(dossier_ids, client_ids)})
    for step in extensions.destruction_steps(destruction.kind):
        _merge(counts, step.step(dossier_ids, client_ids))
    destruction.items.all().delete()
    if whole:
        _merge(counts, _destroy_cases(dossier_ids, client_ids))
    # Every foreign key now, not at commit: a row some app left pointing at a destroyed one
    # fails the destruction here, with the transaction rolled back.
    connection.check_constraints()
    destruction.status = DestructionStatus.DESTROYED
    destruction.decided_by, destruction.decided_at = user, timezone.now()
    destruction.dossier_count, destruction.client_count = len(dossier_ids), len(client_ids)
    destruction.latest_closed_on = max((closed for _pk, closed in dossiers if closed is not None), default=None)
    destruction.counts = counts
    destruction.save()
    return destruction


def _destroy_cases(dossier_ids: list[int], client_ids: list[int]) -> dict:
    through = Dossier.workers.through
    counts = delete_by("dossier_id", dossier_ids, DestructionItem, DossierMember, DossierSafeguard,
                                  FormerClosure, DossierEvent, through)
    counts.pop(through._meta.label, None)
    counts.pop(DestructionItem._meta.label, None)
    counts.update(delete_by("pk", dossier_ids, Dossier))
    counts.update(delete_by("pk", client_ids, Client))
    return counts


# --- The access log: anonymised, never deleted (docs/adr/0110) ----------------------------

_TOKEN = re.compile(r"\*+\d+|\w+")
# Parts of Dutch names and addresses too common to mean a person on their own.
_COMMON = {"van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "la", "le", "du", "da", "di",
           "el", "al", "bin", "von", "und", "vd"}


def _tokens(text: str) -> set[str]:
    return {t for t in _TOKEN.findall((text or "").lower()) if len(t) >= 3 and t not in _COMMON}


def _person_tokens(dossier_ids: list[int], client_ids: list[int]) -> set[str]:
    found: set[str] = set()
    fields = ("ref", "given_name", "family_name", "bsn", "postcode", "address", "phone", "email")
    for chunk in chunks(client_ids):
        for values in Client.objects.filter(pk__in=chunk).values_list(*fields):
            found |= _tokens(" ".join(values))
            if values[3]:
                found.add("*****" + values[3][-4:])  # as cases.audit.mask_bsn stores a BSN
    for chunk in chunks(dossier_ids):
        found |= _tokens(" ".join(Dossier.objects.filter(pk__in=chunk).values_list("ref", flat=True)))
    return found


def _anonymise_access_log(dossier_ids: list[int], client_ids: list[int]) -> int:
    """Entries about a destroyed client or dossier lose the subject, page and detail; a
    search or filtered page whose text names one of them loses its text. Who, when, what
    and from where stay (the trigger allows nothing else)."""
    changed = 0
    for chunk in chunks(client_ids):
        changed += AccessLogEntry.objects.filter(client_id__in=chunk).update(client=None, path="", detail="")
    for chunk in chunks(dossier_ids):
        changed += AccessLogEntry.objects.filter(dossier_id__in=chunk).update(dossier=None, path="", detail="")
    names = _person_tokens(dossier_ids, client_ids)
    texts = AccessLogEntry.objects.filter(Q(action=AccessAction.SEARCH) | Q(path__contains="?")).values_list(
        "pk", "path", "detail")
    naming = [(pk, path) for pk, path, detail in texts.iterator(chunk_size=5000)
              if names & _tokens(unquote_plus(path) + " " + detail)]
    for pk, path in naming:
        changed += AccessLogEntry.objects.filter(pk=pk).update(path=path.split("?")[0], detail="")
    return changed


def figures_fixed_through() -> dt.date | None:
    """Periods starting on or before this day held data that has been destroyed: their
    stored figures are kept as they are and not recomputed (docs/adr/0111)."""
    return DestructionList.objects.filter(status=DestructionStatus.DESTROYED).aggregate(
        day=Max("latest_closed_on"))["day"]
