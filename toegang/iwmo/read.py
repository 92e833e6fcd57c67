"""Reading the messages providers send (305, 307, 315, 317) into plain data, after
``schemas.parse`` validated them (so required elements are there)."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from toegang.iwmo.schemas import BASE, namespace


@dataclass(frozen=True)
class Header:
    code: str
    sender: str
    receiver: str
    identification: str
    on: dt.date


@dataclass(frozen=True)
class Omvang:
    volume: int
    unit: str
    frequency: str


@dataclass(frozen=True)
class Delivery:
    """A StartProduct (305) or StopProduct (307)."""

    number: int | None
    started_on: dt.date
    status: str  # StatusAanlevering: 1 eerste, 2 gewijzigd, 3 verwijderen
    ended_on: dt.date | None = None
    reason: str = ""


@dataclass(frozen=True)
class Requested:
    """An AangevraagdProduct (315) or a NieuwProduct / TeWijzigenProduct (317)."""

    category: str = ""
    code: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    omvang: Omvang | None = None
    number: int | None = None  # 317 TeWijzigenProduct: the allocation to change
    reference: str = ""  # 315: ReferentieAanbieder of the product


@dataclass(frozen=True)
class Message:
    kind: str
    header: Header
    bsn: str
    deliveries: list[Delivery] = field(default_factory=list)
    requested: list[Requested] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)  # 317 OngewijzigdProduct numbers
    reference: str = ""  # ReferentieAanbieder of the request (answered in the 319)
    comment: str = ""


class _Reader:
    def __init__(self, kind: str):
        self.ns = namespace(kind)

    def find(self, element: Any, path: str) -> Any:
        parts = [f"{{{BASE if part.startswith('iwmo:') else self.ns}}}{part.removeprefix('iwmo:')}"
                 for part in path.split("/")]
        return element.find("/".join(parts))

    def text(self, element: Any, path: str) -> str:
        found = self.find(element, path)
        return (found.text or "").strip() if found is not None else ""

    def date(self, element: Any, path: str) -> dt.date | None:
        value = self.text(element, path)
        return dt.date.fromisoformat(value[:10]) if value else None

    def number(self, element: Any, path: str) -> int | None:
        value = self.text(element, path)
        return int(value) if value else None

    def omvang(self, element: Any) -> Omvang | None:
        found = self.find(element, "Omvang")
        if found is None:
            return None
        return Omvang(int(self.text(found, "iwmo:Volume")), self.text(found, "iwmo:Eenheid"),
                      self.text(found, "iwmo:Frequentie"))

    def children(self, element: Any, path: str) -> list[Any]:
        parent = self.find(element, path.rsplit("/", 1)[0]) if "/" in path else element
        if parent is None:
            return []
        return list(parent.findall(f"{{{self.ns}}}{path.rsplit('/', 1)[-1]}"))


def header(root: etree._Element, kind: str) -> Header:
    r = _Reader(kind)
    h = r.find(root, "Header")
    return Header(r.text(h, "BerichtCode"), r.text(h, "Afzender"), r.text(h, "Ontvanger"),
                  r.text(h, "BerichtIdentificatie/iwmo:Identificatie"),
                  r.date(h, "BerichtIdentificatie/iwmo:Dagtekening") or dt.date.min)


def read(root: etree._Element, kind: str) -> Message:
    r = _Reader(kind)
    client = r.find(root, "Client")
    message = Message(kind, header(root, kind), r.text(client, "Bsn"))
    if kind == "305":
        for item in r.children(client, "StartProducten/StartProduct"):
            message.deliveries.append(Delivery(r.number(item, "ToewijzingNummer"),
                                               r.date(item, "Begindatum") or dt.date.min,
                                               r.text(item, "StatusAanlevering")))
    elif kind == "307":
        for item in r.children(client, "StopProducten/StopProduct"):
            message.deliveries.append(Delivery(
                r.number(item, "ToewijzingNummer"), r.date(item, "Begindatum") or dt.date.min,
                r.text(item, "StatusAanlevering"),
                r.date(item, "Einddatum"), r.text(item, "RedenBeeindiging")))
    elif kind == "315":
        message = Message(kind, message.header, message.bsn, comment=r.text(client, "Commentaar"))
        for item in r.children(client, "AangevraagdeProducten/AangevraagdProduct"):
            message.requested.append(Requested(
                r.text(item, "Product/iwmo:Categorie"), r.text(item, "Product/iwmo:Code"),
                r.date(item, "ToewijzingIngangsdatum"), r.date(item, "ToewijzingEinddatum"), r.omvang(item),
                reference=r.text(item, "ReferentieAanbieder")))
        references = {item.reference for item in message.requested}
        message = Message(kind, message.header, message.bsn, requested=message.requested,
                          reference=sorted(references)[0] if references else "", comment=message.comment)
    elif kind == "317":
        request = r.find(client, "Verzoek")
        message = Message(kind, message.header, message.bsn, reference=r.text(request, "ReferentieAanbieder"))
        for item in r.children(request, "OngewijzigdeProducten/OngewijzigdProduct"):
            message.unchanged.append(int(r.text(item, "ToewijzingNummer")))
        for item in r.children(request, "TeWijzigenProducten/TeWijzigenProduct"):
            message.requested.append(Requested(
                starts_on=r.date(item, "GewensteIngangsdatum"), ends_on=r.date(item, "Einddatum"),
                omvang=r.omvang(item), number=r.number(item, "ToewijzingNummer")))
        for item in r.children(request, "NieuweProducten/NieuwProduct"):
            message.requested.append(Requested(
                r.text(item, "Product/iwmo:Categorie"), r.text(item, "Product/iwmo:Code"),
                r.date(item, "GewensteIngangsdatum"), r.date(item, "Einddatum"), r.omvang(item)))
    return message
