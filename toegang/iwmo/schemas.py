"""Validation against the iWmo 3.2 XSDs (``xsd/``) with lxml, and safe parsing of messages.

A message is parsed without network access, DTDs or entity expansion (an inbound file is
untrusted input); its root element's namespace names its kind, whose XSD then validates it."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent / "xsd"
BASE = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
KINDS = ("301", "305", "307", "315", "317", "319")
BERICHT_CODES = {"301": "414", "305": "418", "307": "420", "315": "444", "317": "480", "319": "482"}
MAX_BYTES = 5 * 1024 * 1024


def namespace(kind: str) -> str:
    return f"http://www.istandaarden.nl/iwmo/3_2/wmo{kind}/schema"


KIND_OF_NAMESPACE = {namespace(kind): kind for kind in KINDS}


class InvalidMessage(Exception):
    """Not a valid iWmo 3.2 message; ``str()`` says why, in Dutch words a reader can act on."""


@cache
def schema(kind: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(XSD_DIR / f"WMO{kind}.xsd"), parser))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, huge_tree=False,
                           remove_blank_text=False)


@dataclass(frozen=True)
class Parsed:
    kind: str
    root: etree._Element


def parse(data: bytes) -> Parsed:
    """The message's kind and root, validated against its XSD; ``InvalidMessage`` otherwise."""
    if len(data) > MAX_BYTES:
        raise InvalidMessage(f"bericht groter dan {MAX_BYTES // (1024 * 1024)} MB")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise InvalidMessage(f"geen geldige XML ({error.msg})") from None
    if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]
        raise InvalidMessage("een DOCTYPE is niet toegestaan")
    kind = KIND_OF_NAMESPACE.get(etree.QName(root).namespace or "")
    if kind is None or etree.QName(root).localname != "Bericht":
        raise InvalidMessage("geen iWmo 3.2-bericht (onbekende naamruimte of hoofdelement)")
    validate(root, kind)
    return Parsed(kind, root)


def validate(root: etree._Element, kind: str) -> None:
    xsd = schema(kind)
    if not xsd.validate(root):
        first = xsd.error_log[0]  # type: ignore[index]
        raise InvalidMessage(f"voldoet niet aan WMO{kind}.xsd (regel {first.line}: {first.message})")


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
