"""The team dashboard's "ZRM development in detail" section (indicators.md Additions (v2),
the ZRM monitor's figures 2.4-2.9): per life domain, how many units went forward, stayed
or went back from the nulmeting to the last measurement, and the mean change by the step
the unit started on; team against municipality, from the reporting table."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reporting.dashboards.common import Cell
from reporting.dashboards.shares import share
from zrm.models import STEPS

ZRM_DETAIL_INDICATORS = ("zrm_domain_development", "zrm_change_by_baseline_step")
DIRECTIONS = (
    ("vooruit", gettext_lazy("forward")),
    ("stabiel", gettext_lazy("the same")),
    ("achteruit", gettext_lazy("back")),
)


@dataclass
class DevelopmentRow:
    key: str  # domain code
    label: str
    units: int  # units scored on the domain in both measurements (team)
    team: list  # share per direction (Cell with the number as its count)
    municipality: list


@dataclass
class StepRow:
    key: str
    label: str
    cells: list  # mean change per starting step (Cell with n as its count)


@dataclass
class ZrmDetailSection:
    development: list = field(default_factory=list)
    steps: list = field(default_factory=lambda: list(STEPS))
    directions: list = field(default_factory=lambda: [str(label) for _key, label in DIRECTIONS])
    by_step: list = field(default_factory=list)  # the team
    by_step_organisation: list = field(default_factory=list)


def _domains(present: set[str], labels: dict[str, str]) -> list[str]:
    return [d for d in labels if d in present] + sorted(present - set(labels))


def _development(found: dict, domain: str) -> tuple[int, list]:
    counts = [found[f"{domain}:{d}"].count if f"{domain}:{d}" in found else 0 for d, _label in DIRECTIONS]
    total = sum(counts)
    return total, [Cell(share(n, total), n, 1, "%") for n in counts]


def _step_cells(found: dict, domain: str) -> list:
    cells = []
    for step in STEPS:
        figure = found.get(f"{domain}:{step}")
        cells.append(Cell(figure.value, figure.count, 2) if figure else Cell(None, None, 2))
    return cells


def zrm_detail_section(rows, code: str, team_id: int, domain_labels) -> tuple[ZrmDetailSection, dict]:
    """The section and its charts (``zrm_development``, ``zrm_by_step``); ``domain_labels()``
    gives code -> label and is called only when there are rows."""
    section = ZrmDetailSection()
    development, development_all = (rows.dimensions(code, t, "zrm_domain_development") for t in (team_id, None))
    by_step, by_step_all = (rows.dimensions(code, t, "zrm_change_by_baseline_step") for t in (team_id, None))
    if not (development or development_all or by_step or by_step_all):
        return section, {}
    labels = domain_labels()
    present = {key.rsplit(":", 1)[0] for key in [*development, *development_all]}
    for domain in _domains(present, labels):
        units, team = _development(development, domain)
        _units_all, municipality = _development(development_all, domain)
        section.development.append(DevelopmentRow(domain, labels.get(domain, domain), units, team, municipality))
    for found, target in ((by_step, section.by_step), (by_step_all, section.by_step_organisation)):
        for domain in _domains({key.rsplit(":", 1)[0] for key in found}, labels):
            target.append(StepRow(domain, labels.get(domain, domain), _step_cells(found, domain)))
    charts = {
        "zrm_development": {
            "type": "bar", "horizontal": True, "max": 100, "yTitle": _("percentage of the measured clients"),
            "labels": [row.label for row in section.development],
            "datasets": [{"label": str(label), "data": [row.team[i].value for row in section.development]}
                         for i, (_key, label) in enumerate(DIRECTIONS)],
        },
        # Domains down the side (wrapped), bars across: eleven or thirteen domain names under
        # each other never overlap, at 390 px as at 1280 px (issue 27, item 16).
        "zrm_by_step": {
            "type": "bar", "horizontal": True, "yTitle": _("mean change (steps)"),
            "labels": [row.label for row in section.by_step],
            "datasets": [{"label": _("started on step %(step)s") % {"step": step},
                          "data": [row.cells[i].value for row in section.by_step]}
                         for i, step in enumerate(STEPS)],
        },
    }
    return section, charts


def build(dashboard, s) -> None:
    """A builder of team.SECTIONS."""
    dashboard.zrm_detail, charts = zrm_detail_section(s.rows, s.code, s.team_id, s.domain_labels)
    s.charts.update(charts)
