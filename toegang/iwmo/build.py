"""Building the messages the municipality sends: 301 (toewijzing) and 319 (antwoord on a 315
or 317). Input is plain data (``Person``, ``Allocated``); the result is validated against its
XSD before it is returned, so an invalid message is never sent."""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from toegang.iwmo.schemas import BASE, BERICHT_CODES, namespace, serialize, validate

XSD_VERSION = "1.0.0"
GENDER = {"m": "1", "v": "2"}  # anything else: 0 (onbekend)
HOUSE = re.compile(r"^(?P<street>.*?\D)\s*(?P<number>\d{1,5})\s*(?P<letter>[A-Za-z])?(?:\s*[-/ ]?\s*"
                   r"(?P<addition>[A-Za-z0-9]{1,4}))?\s*$")


@dataclass(frozen=True)
class Person:
    bsn: str
    birth_date: dt.date
    gender: str
    family_name: str
    prefix: str = ""
    given_name: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Allocated:
    number: int
    category: str
    code: str
    decided_on: dt.date
    starts_on: dt.date
    ends_on: dt.date | None
    volume: int | None
    unit: str
    frequency: str
    reason: str = ""  # RedenWijziging, for a change


@dataclass(frozen=True)
class Header:
    sender: str
    receiver: str
    identification: str
    on: dt.date


def _sub(parent: Any, ns: str, name: str, text: object = None) -> Any:
    element = etree.SubElement(parent, f"{{{ns}}}{name}")
    if text is not None:
        element.text = str(text)
    return element


def _header(root: Any, ns: str, kind: str, header: Header) -> None:
    h = _sub(root, ns, "Header")
    _sub(h, ns, "BerichtCode", BERICHT_CODES[kind])
    _sub(h, ns, "BerichtVersie", 3)
    _sub(h, ns, "BerichtSubversie", 2)
    _sub(h, ns, "Afzender", header.sender)
    _sub(h, ns, "Ontvanger", header.receiver)
    ident = _sub(h, ns, "BerichtIdentificatie")
    _sub(ident, BASE, "Identificatie", header.identification)
    _sub(ident, BASE, "Dagtekening", header.on.isoformat())
    version = _sub(h, ns, "XsdVersie")
    _sub(version, BASE, "BasisschemaXsdVersie", XSD_VERSION)
    _sub(version, BASE, "BerichtXsdVersie", XSD_VERSION)


def initials(given_name: str) -> str:
    """Voorletters: the first letter of each given name, letters only, at most 6."""
    letters = [part[0] for part in given_name.split() if part and part[0].isalpha()]
    return "".join(letters)[:6]


def split_address(address: str) -> tuple[str, dict[str, str]]:
    """(street, house fields) from "Straat 12a" / "'t Goylaan 115 bis"; no house fields when
    the address has no number."""
    match = HOUSE.match(address.strip())
    if not match:
        return address.strip(), {}
    house = {"Huisnummer": str(int(match["number"]))}
    if match["letter"]:
        house["Huisletter"] = match["letter"].upper()
    if match["addition"]:
        house["HuisnummerToevoeging"] = match["addition"]
    return match["street"].strip(), house


def _client(root: Any, ns: str, person: Person) -> Any:
    client = _sub(root, ns, "Client")
    _sub(client, ns, "Bsn", person.bsn)
    birth = _sub(client, ns, "Geboortedatum")
    _sub(birth, BASE, "Datum", person.birth_date.isoformat())
    _sub(client, ns, "Geslacht", GENDER.get(person.gender, "0"))
    name = _sub(client, ns, "Naam")
    family = _sub(name, BASE, "Geslachtsnaam")
    _sub(family, BASE, "Achternaam", person.family_name[:200])
    if person.prefix:
        _sub(family, BASE, "Voorvoegsel", person.prefix[:10])
    if person.given_name:
        _sub(name, BASE, "Voornamen", person.given_name[:200])
        if letters := initials(person.given_name):
            _sub(name, BASE, "Voorletters", letters)
    _sub(name, BASE, "NaamGebruik", "1")
    return client


def _contact(client: Any, ns: str, person: Person) -> None:
    contacts = _sub(client, ns, "Contactgegevens")
    contact = _sub(contacts, ns, "Contact")
    _sub(contact, ns, "Soort", "01")  # BRP-adres
    street, house = split_address(person.address)
    if house or person.postcode or street:
        address = _sub(contact, ns, "Adres")
        if house:
            huis = _sub(address, BASE, "Huis")
            for key in ("Huisnummer", "Huisletter", "HuisnummerToevoeging"):
                if key in house:
                    _sub(huis, BASE, key, house[key])
        if person.postcode:
            _sub(address, BASE, "Postcode", person.postcode[:8])
        if street:
            _sub(address, BASE, "Straatnaam", street[:24])
    digits = re.sub(r"\D", "", person.phone)[:15]
    if digits:
        phones = _sub(contact, ns, "Telefoon")
        phone = _sub(phones, BASE, "Telefoon01")
        _sub(phone, BASE, "Telefoonnummer", digits)
        _sub(phone, BASE, "Landnummer", "0031")
    if person.email and len(person.email) <= 80:
        _sub(contact, ns, "Emailadres", person.email)


def toewijzing(header: Header, person: Person, allocations: list[Allocated], *, at: dt.time) -> bytes:
    """A 301 for one client and one provider, holding ``allocations``."""
    ns = namespace("301")
    root = etree.Element(f"{{{ns}}}Bericht", nsmap={"wmo301": ns, "iwmo": BASE})
    _header(root, ns, "301", header)
    client = _client(root, ns, person)
    _contact(client, ns, person)
    products = _sub(client, ns, "ToegewezenProducten")
    for item in allocations:
        product = _sub(products, ns, "ToegewezenProduct")
        _sub(product, ns, "ToewijzingNummer", item.number)
        code = _sub(product, ns, "Product")
        _sub(code, BASE, "Categorie", item.category)
        _sub(code, BASE, "Code", item.code)
        _sub(product, ns, "Toewijzingsdatum", item.decided_on.isoformat())
        _sub(product, ns, "Toewijzingstijd", at.replace(microsecond=0, tzinfo=None).isoformat())
        _sub(product, ns, "Ingangsdatum", item.starts_on.isoformat())
        if item.ends_on:
            _sub(product, ns, "Einddatum", item.ends_on.isoformat())
        if item.reason:
            _sub(product, ns, "RedenWijziging", item.reason)
        if item.volume is not None:
            omvang = _sub(product, ns, "Omvang")
            _sub(omvang, BASE, "Volume", item.volume)
            _sub(omvang, BASE, "Eenheid", item.unit)
            _sub(omvang, BASE, "Frequentie", item.frequency)
    validate(root, "301")
    return serialize(root)


def antwoord(header: Header, *, reference: str, answer: str, reason: str = "") -> bytes:
    """A 319: VerzoekAntwoord 1 (afgewezen, with RedenAfwijzingVerzoek) or 2 (in onderzoek)."""
    ns = namespace("319")
    root = etree.Element(f"{{{ns}}}Bericht", nsmap={"wmo319": ns, "iwmo": BASE})
    _header(root, ns, "319", header)
    body = _sub(root, ns, "Antwoord")
    _sub(body, ns, "ReferentieAanbieder", reference)
    _sub(body, ns, "VerzoekAntwoord", answer)
    if reason:
        _sub(body, ns, "RedenAfwijzingVerzoek", reason)
    validate(root, "319")
    return serialize(root)
