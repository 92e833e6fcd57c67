"""iWmo messages providers send (305, 307, 315, 317; wmo-toegang.md "Messages").

``receive`` validates the message against its XSD before anything changes, checks every
allocation it names (known ToewijzingNummer, the client's BSN, the allocation's provider as
sender, dates inside the allocation, this municipality as receiver), recognises a
BerichtIdentificatie already processed from that sender (``dubbel``), and then applies it in
one transaction: all of it or, when refused, nothing. Every message, refused or not, is stored
whole with its reasons."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Client, Dossier
from maatwerk import services as maatwerk_services
from maatwerk.models import Provider, Referral, Status
from toegang.iwmo import read, schemas
from toegang.models import Direction, Message, MessageStatus, ProviderRequest


class Refused(Exception):
    pass


@dataclass
class Outcome:
    status: str
    reasons: list[str] = field(default_factory=list)
    message: Message | None = None

    @property
    def line(self) -> str:
        """What ``iwmo_receive`` prints: verwerkt, dubbel or geweigerd: <reason>."""
        if self.status == MessageStatus.REFUSED:
            return f"geweigerd: {'; '.join(self.reasons)}"
        return str(self.status)


@dataclass
class _Checked:
    client: Client | None = None
    dossier: Dossier | None = None
    referrals: list[Referral] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def gemeentecode() -> str:
    return settings.IWMO_GEMEENTECODE


def _latest_dossier(client: Client) -> Dossier | None:
    return (Dossier.objects.filter(members__client=client)
            .order_by("closed_on", "-registered_on", "-pk").first())  # open dossiers first (NULL first)


def _client_by_bsn(bsn: str) -> Client | None:
    found = list(Client.objects.filter(bsn=bsn)[:2])
    return found[0] if len(found) == 1 else None


def _check_allocations(parsed: read.Message, numbers: Sequence[int | None], checked: _Checked) -> dict[int, Referral]:
    """The referrals ``numbers`` name, checked against the message: {number: referral}."""
    wanted = {n for n in numbers if n is not None}
    if len(wanted) < len(numbers):
        checked.reasons.append("ToewijzingNummer ontbreekt")
    found: dict[int, Referral] = {
        r.allocation_number: r for r in Referral.objects.filter(allocation_number__in=wanted)
        .select_related("client", "provider", "product", "dossier") if r.allocation_number is not None}
    for number in sorted(wanted):
        referral = found.get(number)
        if referral is None:
            checked.reasons.append(f"onbekend ToewijzingNummer {number}")
            continue
        if referral.status != Status.GRANTED:
            checked.reasons.append(f"toewijzing {number} is niet (meer) toegekend")
        if referral.client is None or referral.client.bsn != parsed.bsn:
            checked.reasons.append(f"BSN hoort niet bij toewijzing {number}")
        if referral.provider.agb_code != parsed.header.sender:
            checked.reasons.append(f"afzender {parsed.header.sender} is niet de aanbieder van toewijzing {number}")
        checked.referrals.append(referral)
        if checked.client is None and referral.client is not None and referral.client.bsn == parsed.bsn:
            checked.client, checked.dossier = referral.client, referral.dossier
    return found


def _outside(referral: Referral, day: dt.date | None) -> bool:
    return day is not None and referral.starts_on is not None and (
        day < referral.starts_on or (referral.ends_on is not None and day > referral.ends_on))


def _check_delivery(parsed: read.Message, checked: _Checked) -> None:
    found = _check_allocations(parsed, [d.number for d in parsed.deliveries], checked)
    for delivery in parsed.deliveries:
        referral = found.get(delivery.number) if delivery.number is not None else None
        if referral is None:
            continue
        if _outside(referral, delivery.started_on):
            checked.reasons.append(f"Begindatum {delivery.started_on} valt buiten toewijzing {delivery.number}")
        if _outside(referral, delivery.ended_on):
            checked.reasons.append(f"Einddatum {delivery.ended_on} valt buiten toewijzing {delivery.number}")
        if delivery.ended_on and delivery.ended_on < delivery.started_on:
            checked.reasons.append(f"Einddatum {delivery.ended_on} ligt voor Begindatum bij toewijzing "
                                   f"{delivery.number}")


def _apply_delivery(parsed: read.Message, checked: _Checked) -> None:
    by_number = {r.allocation_number: r for r in checked.referrals}
    for delivery in parsed.deliveries:
        referral = by_number[delivery.number]
        remove = delivery.status == "3"
        try:
            if parsed.kind == "305":
                maatwerk_services.record_delivery(referral, started_on=None if remove else delivery.started_on,
                                                  clear_start=remove)
            elif remove:
                maatwerk_services.clear_delivery_end(referral)
            else:
                maatwerk_services.record_delivery(referral, started_on=delivery.started_on,
                                                  ended_on=delivery.ended_on, end_reason=delivery.reason)
        except ValidationError as error:
            raise Refused("; ".join(error.messages)) from None


def _check_request(parsed: read.Message, checked: _Checked) -> Provider | None:
    provider = Provider.objects.filter(agb_code=parsed.header.sender).order_by("pk").first()
    if provider is None:
        checked.reasons.append(f"afzender {parsed.header.sender} is geen bekende aanbieder")
    if parsed.kind == "317":
        numbers = [*parsed.unchanged, *(item.number for item in parsed.requested if item.number is not None)]
        found = _check_allocations(parsed, numbers, checked)
        for item in parsed.requested:
            referral = found.get(item.number) if item.number is not None else None
            if referral is not None and item.starts_on and referral.starts_on and item.starts_on < referral.starts_on:
                checked.reasons.append(f"GewensteIngangsdatum {item.starts_on} valt buiten toewijzing {item.number}")
    if checked.client is None:
        checked.client = _client_by_bsn(parsed.bsn)
        if checked.client is None:
            checked.reasons.append("BSN is geen bekende cliënt")
        else:
            checked.dossier = _latest_dossier(checked.client)
            if checked.dossier is None:
                checked.reasons.append("cliënt heeft geen dossier")
    return provider


def _store_request(parsed: read.Message, checked: _Checked, provider: Provider, message: Message) -> None:
    assert checked.dossier is not None and checked.client is not None
    request = ProviderRequest.objects.create(
        message=message, kind=parsed.kind, dossier=checked.dossier, client=checked.client, provider=provider,
        reference=parsed.reference or parsed.header.identification, received_on=timezone.localdate(),
        comment=parsed.comment, items=[{
            "category": item.category, "code": item.code, "number": item.number,
            "starts_on": item.starts_on.isoformat() if item.starts_on else None,
            "ends_on": item.ends_on.isoformat() if item.ends_on else None,
            "volume": item.omvang.volume if item.omvang else None,
            "unit": item.omvang.unit if item.omvang else "",
            "frequency": item.omvang.frequency if item.omvang else "",
        } for item in parsed.requested],
    )
    request.referrals.set(checked.referrals)
    from work.services import notify_regisseur

    notify_regisseur(checked.dossier, _("A provider asks for a decision on Wmo care (iWmo %(kind)s)")
                     % {"kind": parsed.kind})


def _refuse(data: bytes, file_name: str, reasons: list[str], *, kind: str = "", head: Any = None,
            checked: _Checked | None = None) -> Outcome:
    message = Message.objects.create(
        direction=Direction.IN, kind=kind or "", status=MessageStatus.REFUSED, reasons=reasons,
        xml=data.decode("utf-8", errors="replace"), file_name=file_name[:255],
        sender=head.sender[:8] if head else "", receiver=head.receiver[:8] if head else "",
        identification=head.identification[:12] if head else "", dated_on=head.on if head else None,
        client=checked.client if checked else None, dossier=checked.dossier if checked else None,
    )
    if checked and checked.referrals:
        message.referrals.set(checked.referrals)
    return Outcome(MessageStatus.REFUSED, reasons, message)


def receive(data: bytes, file_name: str = "") -> Outcome:
    """Process one inbound message; see the module's docstring. Never raises for bad input."""
    try:
        parsed_xml = schemas.parse(data)
    except schemas.InvalidMessage as error:
        with transaction.atomic():
            return _refuse(data, file_name, [str(error)])
    kind = parsed_xml.kind
    if kind not in ("305", "307", "315", "317"):
        with transaction.atomic():
            return _refuse(data, file_name, [f"een {kind}-bericht wordt niet door de gemeente ontvangen"], kind=kind)
    parsed = read.read(parsed_xml.root, kind)
    head = parsed.header
    try:
        with transaction.atomic():
            return _process(data, file_name, parsed)
    except IntegrityError:  # the same message processed by a concurrent run just now
        with transaction.atomic():
            return _duplicate(data, file_name, parsed)
    except Refused as refusal:
        with transaction.atomic():
            checked = _Checked()
            return _refuse(data, file_name, [str(refusal)], kind=kind, head=head, checked=checked)


def _duplicate(data: bytes, file_name: str, parsed: read.Message) -> Outcome:
    head = parsed.header
    original = Message.objects.filter(direction=Direction.IN, status=MessageStatus.PROCESSED, sender=head.sender,
                                      identification=head.identification).first()
    message = Message.objects.create(
        direction=Direction.IN, kind=parsed.kind, status=MessageStatus.DUPLICATE, sender=head.sender,
        receiver=head.receiver, identification=head.identification, dated_on=head.on,
        xml=data.decode("utf-8"), file_name=file_name[:255],
        reasons=[f"BerichtIdentificatie {head.identification} van {head.sender} is al verwerkt"],
        dossier=original.dossier if original else None, client=original.client if original else None,
    )
    if original is not None:
        message.referrals.set(original.referrals.all())
    return Outcome(MessageStatus.DUPLICATE, list(message.reasons), message)


def _process(data: bytes, file_name: str, parsed: read.Message) -> Outcome:
    head = parsed.header
    if Message.objects.filter(direction=Direction.IN, status=MessageStatus.PROCESSED, sender=head.sender,
                              identification=head.identification).exists():
        return _duplicate(data, file_name, parsed)
    checked = _Checked()
    if head.receiver != gemeentecode():
        checked.reasons.append(f"ontvanger {head.receiver} is niet deze gemeente ({gemeentecode()})")
    provider = None
    if parsed.kind in ("305", "307"):
        _check_delivery(parsed, checked)
    else:
        provider = _check_request(parsed, checked)
    if checked.reasons:
        if checked.client is None:
            checked.client = _client_by_bsn(parsed.bsn)
            checked.dossier = _latest_dossier(checked.client) if checked.client else None
        return _refuse(data, file_name, checked.reasons, kind=parsed.kind, head=head, checked=checked)
    message = Message.objects.create(
        direction=Direction.IN, kind=parsed.kind, status=MessageStatus.PROCESSED, sender=head.sender,
        receiver=head.receiver, identification=head.identification, dated_on=head.on,
        xml=data.decode("utf-8"), file_name=file_name[:255], client=checked.client, dossier=checked.dossier,
    )
    message.referrals.set(checked.referrals)
    if parsed.kind in ("305", "307"):
        _apply_delivery(parsed, checked)
    else:
        assert provider is not None
        _store_request(parsed, checked, provider, message)
    return Outcome(MessageStatus.PROCESSED, [], message)
