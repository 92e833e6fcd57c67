"""iWmo messages the municipality sends (wmo-toegang.md "Messages"): the 301 toewijzing when an
allocation is granted or changes, the 319 answering a provider's request.

``send_allocations`` builds one 301 per client and provider holding that client's changed
allocations, validates it against the XSD (``toegang.iwmo.build``), stores it whole and, once
the transaction commits, hands it to the worker that writes it to the GGk adapter's folder
(``toegang.tasks``, ``toegang.transport``). A referral that cannot be expressed as a valid 301 is
refused with the reason."""

import datetime as dt
import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Client, Dossier
from maatwerk.allocation import goes_by_iwmo
from maatwerk.models import Form, Referral, Status
from toegang.iwmo import build
from toegang.models import Direction, Kind, Message, MessageStatus, ProviderRequest

OUTBOUND_PREFIX = "B"
logger = logging.getLogger(__name__)


def gemeentecode() -> str:
    return settings.IWMO_GEMEENTECODE


def queue(message_id: int) -> None:
    """Hand a committed message to the worker (in-process when Celery runs eagerly)."""
    from toegang.tasks import deliver_message

    try:
        deliver_message.delay(message_id)
    except Exception:  # the message stays "ready to send"; exchange_with_providers sends it later
        logger.warning("iWmo message %s not delivered yet", message_id, exc_info=True)




def person_problems(client: Client | None) -> list[str]:
    if client is None:
        return [_("the referral names no member of the household")]
    problems = []
    if not client.bsn:
        problems.append(_("the client has no BSN"))
    if client.birth_date is None:
        problems.append(_("the client has no date of birth"))
    if not client.family_name:
        problems.append(_("the client has no family name"))
    return problems


def allocation_problems(referral: Referral) -> list[str]:
    """Why ``referral`` cannot be sent as a 301 (empty: it can)."""
    if referral.status != Status.GRANTED:
        return [_("the referral is not granted")]
    if referral.form == Form.BUDGET:
        return [_("a personal budget (pgb) goes through the SVB, not iWmo")]
    problems = []
    if not (referral.product.iwmo_category and referral.product.iwmo_code):
        problems.append(_("the product has no iWmo category and code"))
    if not referral.provider.agb_code:
        problems.append(_("the provider has no AGB code"))
    if referral.starts_on is None:
        problems.append(_("the care has no start date"))
    if referral.allocation_number is None:
        problems.append(_("the referral has no allocation number"))
    return problems + person_problems(referral.client)


def person(client: Client) -> build.Person:
    assert client.birth_date is not None
    return build.Person(
        bsn=client.bsn, birth_date=client.birth_date, gender=client.gender, family_name=client.family_name,
        prefix=client.family_name_prefix, given_name=client.given_name, address=client.address,
        postcode=client.postcode, phone=client.phone, email=client.email,
    )


def allocated(referral: Referral, reason: str = "", on: dt.date | None = None) -> build.Allocated:
    assert referral.allocation_number is not None and referral.starts_on is not None
    return build.Allocated(
        number=referral.allocation_number, category=referral.product.iwmo_category, code=referral.product.iwmo_code,
        decided_on=on or referral.decided_on or timezone.localdate(), starts_on=referral.starts_on,
        ends_on=referral.ends_on, volume=referral.volume, unit=referral.unit, frequency=referral.frequency,
        reason=reason,
    )


def _store_outbound(kind: str, receiver: str, dossier: Dossier | None, client: Client | None,
                    make: Callable[[build.Header], bytes]) -> Message:
    """Store an outbound message: its BerichtIdentificatie is B + its number (unique, never
    reused); ``make(header)`` builds the validated XML."""
    message = Message.objects.create(
        direction=Direction.OUT, kind=kind, sender=gemeentecode(), receiver=receiver, status=MessageStatus.READY,
        identification=secrets.token_hex(6), xml="", dossier=dossier, client=client,
        dated_on=timezone.localdate(),
    )
    message.identification = f"{OUTBOUND_PREFIX}{message.pk:011d}"
    assert message.dated_on is not None
    header = build.Header(gemeentecode(), receiver, message.identification, message.dated_on)
    message.xml = make(header).decode("utf-8")
    message.save(update_fields=["identification", "xml"])
    transaction.on_commit(lambda: queue(message.pk))
    return message


def send_allocations(referrals: list[Referral], *, reasons: dict[int, str] | None = None,
                     on: dt.date | None = None) -> list[Message]:
    """One 301 per (client, provider) holding those referrals' current allocations, with the
    RedenWijziging of a change (``reasons``: referral id -> code). Call inside the transaction
    that changed them; raises ``ValidationError`` naming what cannot be sent."""
    reasons = reasons or {}
    problems = {r.pk: allocation_problems(r) for r in referrals}
    refused = [_("%(what)s: %(problems)s") % {"what": r, "problems": "; ".join(problems[r.pk])}
               for r in referrals if problems[r.pk]]
    if refused:
        raise ValidationError(_("No toewijzing (301) can be sent: %(reasons)s") % {"reasons": " ".join(refused)})
    groups: dict[tuple[int, int], list[Referral]] = {}
    for referral in referrals:
        assert referral.client_id is not None
        groups.setdefault((referral.client_id, referral.provider_id), []).append(referral)
    messages = []
    now = timezone.localtime().time()
    for group in groups.values():
        first = group[0]
        assert first.client is not None
        client = first.client
        items = [allocated(r, reasons.get(r.pk, ""), on) for r in group]

        def make(header: build.Header, client: Client = client, items: list[build.Allocated] = items) -> bytes:
            return build.toewijzing(header, person(client), items, at=now)

        message = _store_outbound(Kind.ALLOCATION, first.provider.agb_code, first.dossier, client, make)
        message.referrals.set(group)
        messages.append(message)
    return messages


def send_answer(request: ProviderRequest, *, answer: str, reason: str = "") -> Message:
    """A 319 answering ``request``: ``1`` refused (with RedenAfwijzingVerzoek) or ``2`` in onderzoek."""
    return _store_outbound(
        Kind.ANSWER, request.provider.agb_code, request.dossier, request.client,
        lambda header: build.antwoord(header, reference=request.reference, answer=answer, reason=reason))


def goes_out(referral: Referral) -> bool:
    return goes_by_iwmo(referral)


