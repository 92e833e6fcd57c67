"""The team dashboard's "Front door" section: the quarter's early signals (received, first
attempt in term, contact made, help accepted) and short contacts by channel and topic, team
against municipality, from the reporting table (families "short contacts" and "early signals")."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from frontdoor.models import Channel
from reporting.dashboards.common import Cell

FRONT_DOOR_INDICATORS = (
    "signals_received", "signal_first_attempt_in_term_pct", "signal_contact_pct", "signal_help_accepted_pct",
    "short_contacts", "short_contacts_anonymous_pct",
)
# (indicator, label, decimals, unit)
FIGURES = (
    ("signals_received", gettext_lazy("early signals received"), 0, ""),
    ("signal_first_attempt_in_term_pct", gettext_lazy("first attempt within 10 working days"), 1, "%"),
    ("signal_contact_pct", gettext_lazy("signals closed with contact made"), 1, "%"),
    ("signal_help_accepted_pct", gettext_lazy("help accepted (of accepted and declined)"), 1, "%"),
    ("short_contacts", gettext_lazy("short contacts"), 0, ""),
    ("short_contacts_anonymous_pct", gettext_lazy("short contacts anonymous"), 1, "%"),
)


@dataclass
class FrontDoorRow:
    label: str
    cells: list
    key: str = ""


@dataclass
class FrontDoorSection:
    figures: list = field(default_factory=list)
    channels: list = field(default_factory=list)
    topics: list = field(default_factory=list)


def _cell(figure, decimals: int = 0, unit: str = "") -> Cell:
    return Cell(figure.value, figure.count, decimals, unit) if figure else Cell(None, None, decimals, unit)


def front_door_section(rows, code: str, team_id: int, domain_labels) -> FrontDoorSection:
    section = FrontDoorSection()
    for indicator, label, decimals, unit in FIGURES:
        section.figures.append(FrontDoorRow(str(label), [_cell(rows.get(code, t, indicator), decimals, unit)
                                                         for t in (team_id, None)], key=indicator))
    team, everyone = (rows.dimensions(code, t, "short_contacts") for t in (team_id, None))
    for value, label in Channel.choices:
        dimension = f"channel:{value}"
        if dimension in team or dimension in everyone:
            section.channels.append(FrontDoorRow(str(label), [_cell(team.get(dimension)),
                                                              _cell(everyone.get(dimension))], key=dimension))
    topics = sorted({d for d in (*team, *everyone) if d.startswith("topic:")},
                    key=lambda d: -(team[d].count if d in team else 0))
    labels = domain_labels() if topics else {}  # no query when there are no short contacts
    for dimension in topics:
        topic = dimension.removeprefix("topic:")
        label = labels.get(topic) or (str(gettext_lazy("other")) if topic == "overig" else topic)
        section.topics.append(FrontDoorRow(label,
                                           [_cell(team.get(dimension)), _cell(everyone.get(dimension))],
                                           key=dimension))
    return section


def build(dashboard, s) -> None:
    dashboard.front_door = front_door_section(s.rows, s.code, s.team_id, s.domain_labels)
