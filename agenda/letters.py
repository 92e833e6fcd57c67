"""Letters from templates: a fixed list of safe merge fields, no template code.

A template is plain text; ``{naam}`` and the other names in ``FIELDS`` are replaced by their
value, nothing else is interpreted (no attributes, no filters, no tags: a brace that names
no field is refused when the template is saved). The PDF is a ``cases.pdf.Document`` in
DejaVu Sans, so every name prints as written (Łucja, Şahin, Čapková); a character without
a glyph (an emoji) prints as a visible "□"."""

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from cases.models import Client, Dossier
from cases.pdf import Document
from plans.models import Goal, GoalStatus, Plan

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

# name -> (what it is, the preview's demo value)
FIELDS: dict[str, tuple[Any, str]] = {
    "naam": (gettext_lazy("the resident's name"), "Łucja van Şahin-Čapková"),
    "adres": (gettext_lazy("the resident's address"), "Oudegracht 12a"),
    "postcode": (gettext_lazy("the resident's postcode"), "3511 AB"),
    "datum": (gettext_lazy("today's date"), "7 december 2026"),
    "medewerker": (gettext_lazy("your name"), "Femke de Vries"),
    "team": (gettext_lazy("the name of the team"), "Buurtteam Oost"),
    "dossiernummer": (gettext_lazy("the dossier number"), "1234"),
    "afspraak_datum": (gettext_lazy("the date of the appointment"), "maandag 14 december 2026"),
    "afspraak_tijd": (gettext_lazy("the time of the appointment"), "10:00 tot 11:00"),
    "afspraak_soort": (gettext_lazy("the kind of appointment"), "huisbezoek"),
    "afspraak_plaats": (gettext_lazy("where the appointment is"), "bij u thuis"),
    "doelen": (gettext_lazy("the goals of the plan"), "- Wonen: Ik betaal mijn huur op tijd.\n"
                                                     "- Financiën: Ik heb overzicht over mijn geld."),
    "plan_datum": (gettext_lazy("the date the plan was agreed"), "30 november 2026"),
}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
PLACE_WORDS = {"thuis": "bij u thuis", "kantoor": "op ons kantoor", "elders": ""}


def unknown_fields(text: str) -> list[str]:
    """The brace texts in ``text`` that are not a merge field (to refuse the template)."""
    return sorted({name for name in PLACEHOLDER.findall(text) if name not in FIELDS})


def merge(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def long_date(day: dt.date, weekday: bool = False) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def demo_values() -> dict[str, str]:
    return {name: demo for name, (_label, demo) in FIELDS.items()}


def values_for(dossier: Dossier, client: Client, *, user: Any, appointment: Any = None) -> dict[str, str]:
    """The merge fields' values for a letter to ``client`` of ``dossier`` (goals: 1 query)."""
    goals = Goal.objects.filter(dossier=dossier).exclude(status=GoalStatus.DROPPED).order_by("set_on", "pk")
    plan = Plan.objects.filter(dossier=dossier).only("agreed_on").first()
    values = {
        "naam": client.display_name, "adres": client.address, "postcode": client.postcode,
        "datum": long_date(timezone.localdate()), "medewerker": user.get_full_name() or user.username,
        "team": dossier.team.name, "dossiernummer": str(dossier.pk),
        "doelen": "\n".join(f"- {g.domain}: {g.description}".rstrip(": ") for g in goals),
        "plan_datum": long_date(plan.agreed_on) if plan and plan.agreed_on else "",
        "afspraak_datum": "", "afspraak_tijd": "", "afspraak_soort": "", "afspraak_plaats": "",
    }
    if appointment is not None:
        start, end = timezone.localtime(appointment.starts_at), timezone.localtime(appointment.ends_at)
        with translation.override(settings.LANGUAGE_CODE):
            kind = str(appointment.get_kind_display())
        values.update({
            "afspraak_datum": long_date(start.date(), weekday=True),
            "afspraak_tijd": f"{start:%H:%M} tot {end:%H:%M}", "afspraak_soort": kind,
            "afspraak_plaats": appointment.place or PLACE_WORDS.get(appointment.place_kind, ""),
        })
    return values


def pdf(title: str, body: str, values: dict[str, str]) -> bytes:
    """The letter: the address block, the date, the title and the merged text."""
    with translation.override(settings.LANGUAGE_CODE):
        document = Document(merge(title, values))
        for line in ("naam", "adres", "postcode"):
            if values.get(line):
                document.paragraph(values[line])
        document.ln(6)
        document.paragraph(values.get("datum", ""), size=10)
        document.ln(4)
        document.heading(merge(title, values), size=14)
        document.ln(2)
        for paragraph in merge(body, values).replace("\r\n", "\n").split("\n\n"):
            document.paragraph(paragraph.strip())
            document.ln(2)
        return document.as_bytes()


def field_help() -> list[tuple[str, str]]:
    return [("{" + name + "}", str(label)) for name, (label, _demo) in FIELDS.items()]

