"""The example messages of iWmo 3.2 (``examples/``, as in ../shared/specs/iwmo-3.2/examples)
adapted to an allocation of this system: the header's sender, receiver and identification,
the client's BSN, the ToewijzingNummer(s) and the dates are set, everything else stays as the
example has it. The tests feed them in as a provider would; the demo data does too."""

import datetime as dt
from pathlib import Path
from typing import Any

from lxml import etree

from toegang.iwmo.schemas import BASE, namespace, serialize

EXAMPLES = Path(__file__).resolve().parent / "examples"


def example(kind: str) -> etree._Element:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, remove_blank_text=True)
    return etree.fromstring((EXAMPLES / f"WMO{kind}.xml").read_bytes(), parser)


def _set(root: Any, ns: str, path: str, value: object) -> None:
    for element in root.iterfind(path, {"w": ns, "i": BASE}):
        element.text = str(value)


def _header(root: Any, ns: str, *, sender: str, receiver: str, identification: str, on: dt.date) -> None:
    _set(root, ns, "w:Header/w:Afzender", sender)
    _set(root, ns, "w:Header/w:Ontvanger", receiver)
    _set(root, ns, "w:Header/w:BerichtIdentificatie/i:Identificatie", identification)
    _set(root, ns, "w:Header/w:BerichtIdentificatie/i:Dagtekening", on.isoformat())


def delivery(kind: str, *, sender: str, receiver: str, identification: str, bsn: str, number: int,
             starts_on: dt.date, started_on: dt.date, ended_on: dt.date | None = None, reason: str = "19",
             on: dt.date | None = None) -> bytes:
    """A 305 (start) or 307 (stop) of one allocation: the example's first product, the second
    removed."""
    ns = namespace(kind)
    root = example(kind)
    _header(root, ns, sender=sender, receiver=receiver, identification=identification, on=on or started_on)
    _set(root, ns, "w:Client/w:Bsn", bsn)
    products: Any = root.find(f"w:Client/w:{'StartProducten' if kind == '305' else 'StopProducten'}", {"w": ns})
    for extra in list(products)[1:]:
        products.remove(extra)
    _set(products, ns, "w:*/w:ToewijzingNummer", number)
    _set(products, ns, "w:*/w:ToewijzingIngangsdatum", starts_on.isoformat())
    _set(products, ns, "w:*/w:Begindatum", started_on.isoformat())
    if kind == "307":
        _set(products, ns, "w:*/w:Einddatum", (ended_on or started_on).isoformat())
        _set(products, ns, "w:*/w:RedenBeeindiging", reason)
    return serialize(root)


def request_315(*, sender: str, receiver: str, identification: str, bsn: str, category: str, code: str,
                starts_on: dt.date, ends_on: dt.date | None, on: dt.date) -> bytes:
    """A 315 asking for one product (the example's first), for the client with ``bsn``."""
    ns = namespace("315")
    root = example("315")
    _header(root, ns, sender=sender, receiver=receiver, identification=identification, on=on)
    _set(root, ns, "w:Client/w:Bsn", bsn)
    products: Any = root.find("w:Client/w:AangevraagdeProducten", {"w": ns})
    for extra in list(products)[1:]:
        products.remove(extra)
    _set(products, ns, "w:*/w:ReferentieAanbieder", identification)
    _set(products, ns, "w:*/w:Product/i:Categorie", category)
    _set(products, ns, "w:*/w:Product/i:Code", code)
    _set(products, ns, "w:*/w:BeschikkingIngangsdatum", starts_on.isoformat())
    _set(products, ns, "w:*/w:ToewijzingIngangsdatum", starts_on.isoformat())
    if ends_on is not None:
        _set(products, ns, "w:*/w:ToewijzingEinddatum", ends_on.isoformat())
    return serialize(root)


def request_317(*, sender: str, receiver: str, identification: str, bsn: str, number: int, starts_on: dt.date,
                ends_on: dt.date, on: dt.date) -> bytes:
    """A 317 asking to change one allocation (the example's TeWijzigenProduct), nothing else."""
    ns = namespace("317")
    root = example("317")
    _header(root, ns, sender=sender, receiver=receiver, identification=identification, on=on)
    _set(root, ns, "w:Client/w:Bsn", bsn)
    request: Any = root.find("w:Client/w:Verzoek", {"w": ns})
    for name in ("OngewijzigdeProducten", "NieuweProducten"):
        found = request.find(f"w:{name}", {"w": ns})
        if found is not None:
            request.remove(found)
    _set(request, ns, "w:ReferentieAanbieder", identification)
    _set(request, ns, "w:TeWijzigenProducten/w:TeWijzigenProduct/w:ToewijzingNummer", number)
    _set(request, ns, "w:TeWijzigenProducten/w:TeWijzigenProduct/w:GewensteIngangsdatum", starts_on.isoformat())
    _set(request, ns, "w:TeWijzigenProducten/w:TeWijzigenProduct/w:Einddatum", ends_on.isoformat())
    return serialize(root)
