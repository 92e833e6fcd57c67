"""Count-and-share rows (team number, team share, municipality share) and chart data for
the team dashboard's sections about clients, duration and melders
(``_share_table.html`` shows the rows)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from reporting.dashboards.common import Cell


@dataclass
class ShareRow:
    label: str
    cells: list  # team number, team share, municipality share
    key: str = ""


def share(count: int, total: int) -> float | None:
    return 100 * count / total if total else None


def count_of(found: dict, key: str) -> int:
    """The count of dimension ``key`` in a ``Rows.dimensions`` answer (absent: 0)."""
    return found[key].count if key in found else 0


def share_rows(items, team: dict, municipality: dict) -> tuple[list[ShareRow], int, int]:
    """One row per (key, label) of ``items``, shares of the sum over ``items``; with the team's
    and the municipality's totals."""
    total = sum(count_of(team, key) for key, _label in items)
    total_all = sum(count_of(municipality, key) for key, _label in items)
    rows = [ShareRow(str(label), [Cell(count_of(team, key)), Cell(share(count_of(team, key), total), None, 1, "%"),
                                  Cell(share(count_of(municipality, key), total_all), None, 1, "%")], key=key)
            for key, label in items]
    return rows, total, total_all


def share_chart(rows: list[ShareRow], y_title: str, *, horizontal: bool = False) -> dict:
    """Bars of the team's and the municipality's shares (Chart.js data, as the page's other charts)."""
    chart = {
        "type": "bar",
        "labels": [row.label for row in rows],
        "datasets": [
            {"label": _("team"), "data": [row.cells[1].value for row in rows]},
            {"label": _("municipality"), "data": [row.cells[2].value for row in rows]},
        ],
        "yTitle": y_title, "max": 100,
    }
    if horizontal:
        chart["horizontal"] = True
    return chart
