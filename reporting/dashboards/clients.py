"""The team dashboard's "Clients and duration" section (indicators.md Additions (v2)):
gender and age of the clients of active dossiers, and how long the closed dossiers lasted
(begeleidingsduur kort / midden / lang, mean in days); team against municipality, from
the reporting table."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import Gender
from reporting.dashboards.common import Cell
from reporting.dashboards.shares import share_chart, share_rows
from reporting.indicators.clients import AGE_BANDS, UNKNOWN

CLIENT_INDICATORS = (
    "clients_active_gender", "clients_active_age_band", "closed_duration_days_mean", "closed_duration_band",
)
DURATION_ITEMS = (
    ("kort", gettext_lazy("short (up to 3 months)")),
    ("midden", gettext_lazy("medium (4 to 12 months)")),
    ("lang", gettext_lazy("long (more than 12 months)")),
)


@dataclass
class ClientsSection:
    gender: list = field(default_factory=list)
    age: list = field(default_factory=list)
    clients: int = 0  # distinct clients of the team's active dossiers
    duration: list = field(default_factory=list)
    closed: int = 0
    duration_mean: Cell | None = None
    duration_mean_organisation: Cell | None = None


def age_items() -> list[tuple[str, str]]:
    """(band, label) in the band order, "onbekend" last."""
    return [*((band, _("%(band)s years") % {"band": band.replace("-", "–")}) for _lowest, band in AGE_BANDS),
            (UNKNOWN, _("unknown"))]


def clients_section(rows, code: str, team_id: int) -> tuple[ClientsSection, dict]:
    """The section and its charts (keys ``gender``, ``age``, ``duration``)."""
    section = ClientsSection()
    section.gender, section.clients, _all = share_rows(
        Gender.choices, *(rows.dimensions(code, t, "clients_active_gender") for t in (team_id, None)))
    section.age, _clients, _all = share_rows(
        age_items(), *(rows.dimensions(code, t, "clients_active_age_band") for t in (team_id, None)))
    section.duration, section.closed, _all = share_rows(
        DURATION_ITEMS, *(rows.dimensions(code, t, "closed_duration_band") for t in (team_id, None)))
    mean, mean_all = (rows.get(code, t, "closed_duration_days_mean") for t in (team_id, None))
    section.duration_mean = Cell(*(mean or (None, None)), 0)
    section.duration_mean_organisation = Cell(*(mean_all or (None, None)), 0)
    charts = {
        "gender": share_chart(section.gender, _("percentage of the clients")),
        "age": share_chart(section.age, _("percentage of the clients")),
        "duration": share_chart(section.duration, _("percentage of the closed dossiers")),
    }
    return section, charts


def build(dashboard, s) -> None:
    """A builder of team.SECTIONS."""
    dashboard.clients, charts = clients_section(s.rows, s.code, s.team_id)
    s.charts.update(charts)
