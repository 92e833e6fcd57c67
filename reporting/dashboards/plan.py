"""The "Plan en inzet" section of the team dashboard: plans agreed, goals by direction and
domain, new and existing support by kanteling (a chart with its table), network mapped;
the team against the municipality, from the reporting table (the Plan family)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.models import OTHER_DOMAIN, Direction, Kanteling
from reporting.dashboards.common import Cell

PLAN_INDICATORS = (
    "plans_agreed", "plan_agreed_days_mean", "closed_with_agreed_plan_pct", "goals_set", "goals_achieved_pct",
    "support_new", "support_new_pct", "support_existing", "support_existing_pct", "network_mapped_pct",
)
# (indicator, label, decimals, unit) of the plan's key figures
FIGURES = (
    ("plans_agreed", gettext_lazy("plans agreed with the household"), 0, ""),
    ("plan_agreed_days_mean", gettext_lazy("days from registration to an agreed plan (mean)"), 1, ""),
    ("closed_with_agreed_plan_pct", gettext_lazy("closed dossiers with an agreed plan"), 1, "%"),
    ("goals_achieved_pct", gettext_lazy("goals achieved at closure (of those evaluated)"), 1, "%"),
    ("network_mapped_pct", gettext_lazy("dossiers with their network mapped"), 1, "%"),
)


@dataclass
class PlanRow:
    label: str
    cells: list
    key: str = ""


@dataclass
class PlanSection:
    figures: list = field(default_factory=list)
    kanteling: list = field(default_factory=list)
    directions: list = field(default_factory=list)
    domains: list = field(default_factory=list)
    goals_total: int = 0


def _cell(figure, decimals: int = 0, unit: str = "") -> Cell:
    return Cell(figure.value, figure.count, decimals, unit) if figure else Cell(None, None, decimals, unit)


def _count(found: dict, key: str) -> int:
    return found[key].count if key in found else 0


def plan_section(rows, code: str, team_id: int, domain_labels) -> tuple[PlanSection, dict]:
    """The section and its chart (Chart.js data as the other charts of the page);
    ``domain_labels()`` gives code -> label and is called only when goals were set."""
    section = PlanSection()
    for indicator, label, decimals, unit in FIGURES:
        section.figures.append(PlanRow(str(label), [_cell(rows.get(code, t, indicator), decimals, unit)
                                                    for t in (team_id, None)], key=indicator))

    new, new_all = (rows.dimensions(code, t, "support_new_pct") for t in (team_id, None))
    existing = rows.dimensions(code, team_id, "support_existing_pct")
    new_counts = rows.dimensions(code, team_id, "support_new")
    existing_counts = rows.dimensions(code, team_id, "support_existing")
    for kanteling, label in Kanteling.choices:
        dim = f"kanteling:{kanteling}"
        section.kanteling.append(PlanRow(str(label), [
            Cell(_count(new_counts, dim)), _cell(new.get(kanteling), 1, "%"), _cell(new_all.get(kanteling), 1, "%"),
            Cell(_count(existing_counts, dim)), _cell(existing.get(kanteling), 1, "%"),
        ], key=kanteling))
    section.kanteling.append(PlanRow(_("total"), [
        Cell(_count(new_counts, "")), Cell(None), Cell(None), Cell(_count(existing_counts, "")), Cell(None),
    ], key="total"))

    goals = rows.dimensions(code, team_id, "goals_set")
    section.goals_total = _count(goals, "")
    section.directions = [PlanRow(str(label), [Cell(_count(goals, f"direction:{d}"))], key=d)
                          for d, label in Direction.choices]
    domains = sorted(((key.removeprefix("domain:"), figure.count) for key, figure in goals.items()
                      if key.startswith("domain:")), key=lambda item: (-item[1], item[0]))
    labels = {**(domain_labels() if domains else {}), OTHER_DOMAIN: _("other")}
    section.domains = [PlanRow(labels.get(d, d), [Cell(n)], key=d) for d, n in domains]

    chart = {
        "type": "bar",
        "labels": [row.label for row in section.kanteling[:-1]],
        "datasets": [
            {"label": _("team"), "data": [row.cells[1].value for row in section.kanteling[:-1]]},
            {"label": _("municipality"), "data": [row.cells[2].value for row in section.kanteling[:-1]]},
        ],
        "yTitle": _("percentage of the new support"), "max": 100,
    }
    return section, chart
