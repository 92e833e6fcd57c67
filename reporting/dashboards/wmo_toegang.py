"""The team dashboard's "Wmo toegang" section: meldingen, the terms of the onderzoek and the
beschikking, the start and end of delivery as the providers report it, and the estimated cost
of the maatwerk granted by iWmo category; team against municipality, from the reporting table
(family "Wmo toegang")."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maatwerk.models import EndReason, IwmoCategory
from reporting.dashboards.common import Cell

WMO_INDICATORS = (
    "wmo_meldingen", "wmo_onderzoek_days_mean", "wmo_onderzoek_in_term_pct", "wmo_beschikking_days_mean",
    "wmo_beschikking_in_term_pct", "delivery_started_days_mean", "delivery_ended", "maatwerk_cost_granted",
)
# (indicator, label, decimals, unit)
FIGURES = (
    ("wmo_meldingen", gettext_lazy("Wmo meldingen received"), 0, ""),
    ("wmo_onderzoek_days_mean", gettext_lazy("days from melding to report (mean)"), 1, ""),
    ("wmo_onderzoek_in_term_pct", gettext_lazy("reports within six weeks"), 1, "%"),
    ("wmo_beschikking_days_mean", gettext_lazy("days from aanvraag to beschikking (mean)"), 1, ""),
    ("wmo_beschikking_in_term_pct", gettext_lazy("beschikkingen within two weeks"), 1, "%"),
    ("delivery_started_days_mean", gettext_lazy("days from beschikking to start of delivery (mean)"), 1, ""),
    ("delivery_ended", gettext_lazy("deliveries ended"), 0, ""),
    ("maatwerk_cost_granted", gettext_lazy("estimated cost of the maatwerk granted (euros)"), 2, ""),
)


@dataclass
class WmoRow:
    label: str
    cells: list
    key: str = ""


@dataclass
class WmoSection:
    figures: list = field(default_factory=list)
    cost: list = field(default_factory=list)
    ended: list = field(default_factory=list)


def _cell(figure, decimals: int = 0, unit: str = "") -> Cell:
    return Cell(figure.value, figure.count, decimals, unit) if figure else Cell(None, None, decimals, unit)


def wmo_section(rows, code: str, team_id: int) -> WmoSection:
    section = WmoSection()
    for indicator, label, decimals, unit in FIGURES:
        section.figures.append(WmoRow(str(label), [_cell(rows.get(code, t, indicator), decimals, unit)
                                                   for t in (team_id, None)], key=indicator))
    cost, cost_all = (rows.dimensions(code, t, "maatwerk_cost_granted") for t in (team_id, None))
    for category, label in IwmoCategory.choices:
        dimension = f"category:{category}"
        if dimension in cost or dimension in cost_all:
            section.cost.append(WmoRow(str(label), [_cell(cost.get(dimension), 2), _cell(cost_all.get(dimension), 2)],
                                       key=dimension))
    ended, ended_all = (rows.dimensions(code, t, "delivery_ended") for t in (team_id, None))
    for reason, label in EndReason.choices:
        dimension = f"reason:{reason}"
        if dimension in ended or dimension in ended_all:
            section.ended.append(WmoRow(str(label), [_cell(ended.get(dimension)), _cell(ended_all.get(dimension))],
                                        key=dimension))
    return section


def build(dashboard, s) -> None:
    dashboard.wmo = wmo_section(s.rows, s.code, s.team_id)


@dataclass
class CostTable:
    """The organisation overview's table: estimated cost of the maatwerk granted in the period,
    per team (rows, then the municipality) and iWmo category (columns that occur), in euros."""

    categories: list = field(default_factory=list)  # (code, label)
    rows: list = field(default_factory=list)  # (name, [Cell per category], total Cell)


def cost_table(rows, code: str, teams) -> CostTable:
    table = CostTable()
    per_team = {team.pk: rows.dimensions(code, team.pk, "maatwerk_cost_granted") for team in teams}
    per_team[None] = rows.dimensions(code, None, "maatwerk_cost_granted")
    occurring = {key.removeprefix("category:") for found in per_team.values() for key in found if key}
    table.categories = [(c, label) for c, label in IwmoCategory.choices if c in occurring]
    for team in [*teams, None]:
        found = per_team[team.pk if team else None]
        total = rows.get(code, team.pk if team else None, "maatwerk_cost_granted")
        table.rows.append((team.name if team else _("Municipality (all teams)"),
                           [_cell(found.get(f"category:{c}"), 2) for c, _label in table.categories], _cell(total, 2)))
    if not any(cell.count for _name, _cells, cell in table.rows):
        table.rows = []
    return table
