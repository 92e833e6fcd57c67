"""The team dashboard's melder section, as the quarterly report shows it: who referred the
households registered in the quarter (self-referral, Veilig Thuis, family, care partners,
... — the organisation's managed list of referrers), as shares of the registrations; team
against municipality, from the reporting table (``referrer`` and ``dossiers_registered``
of the Volume family)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cases.models import Referrer
from reporting.dashboards.common import Cell
from reporting.dashboards.shares import ShareRow, count_of, share, share_chart

REFERRER_INDICATORS = ("referrer", "dossiers_registered", "self_referral_pct")
NOT_RECORDED = "not-recorded"


@dataclass
class ReferrerSection:
    rows: list = field(default_factory=list)
    registered: int = 0
    self_referral: Cell | None = None
    self_referral_organisation: Cell | None = None


def _registered(rows, code: str, team_id: int | None) -> int:
    figure = rows.get(code, team_id, "dossiers_registered")
    return figure.count if figure else 0


def referrer_section(rows, code: str, team_id: int) -> tuple[ReferrerSection, dict]:
    """The section and its chart (``referrers``). The referrers' names are read (one query)
    only when a registration of the period has a referrer."""
    section = ReferrerSection()
    team, municipality = (rows.dimensions(code, t, "referrer") for t in (team_id, None))
    section.registered = registered = _registered(rows, code, team_id)
    registered_all = _registered(rows, code, None)
    for cell_of, t in (("self_referral", team_id), ("self_referral_organisation", None)):
        figure = rows.get(code, t, "self_referral_pct")
        setattr(section, cell_of, Cell(*(figure or (None, None)), 1, "%"))
    known = {}
    if team or municipality:
        known = {c: (name, own) for c, name, own in Referrer.objects.values_list("code", "name", "self_referral")}
    codes = sorted(set(team) | set(municipality),
                   key=lambda c: (not known.get(c, ("", False))[1], -count_of(team, c), known.get(c, (c,))[0], c))

    def row(key: str, label: str, n: int, n_all: int) -> ShareRow:
        return ShareRow(label, [Cell(n), Cell(share(n, registered), None, 1, "%"),
                                Cell(share(n_all, registered_all), None, 1, "%")], key=key)

    section.rows = [row(c, known.get(c, (c,))[0], count_of(team, c), count_of(municipality, c)) for c in codes]
    section.rows.append(row(NOT_RECORDED, _("not recorded"),
                            registered - sum(f.count for f in team.values()),
                            registered_all - sum(f.count for f in municipality.values())))
    chart = share_chart(section.rows, _("percentage of the registrations"), horizontal=True)
    return section, {"referrers": chart}


def build(dashboard, s) -> None:
    """A builder of team.SECTIONS."""
    dashboard.referrers, charts = referrer_section(s.rows, s.code, s.team_id)
    s.charts.update(charts)
