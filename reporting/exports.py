"""Indicator rows as CSV and Excel, for analysts who live in spreadsheets."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cases.spreadsheet import DUTCH_CSV, safe_cell, safe_row
from reporting.dashboards.all_figures import FrozenState, header, unit_of

HEADER = ["period", "team", "indicator", "dimension", "value", "count", "computed_at"]

# Downloads for people open in Dutch Excel, which splits columns on ";" and reads "1,5" as a
# number (the BOM makes it read UTF-8): the one dialect of cases.spreadsheet, as every download
# for people. The API's CSV is for programs: RFC 4180, "." decimals.


def dutch_decimal(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def table(rows):
    """Header plus one list per IndicatorRow (team as code, empty for all teams); text
    cells never start like a formula."""
    yield HEADER
    for row in rows:
        yield safe_row([
            row.period, row.team.code if row.team_id else "", row.indicator, row.dimension, row.value, row.count,
            timezone.localtime(row.computed_at).isoformat(),  # local time, as in the JSON
        ])


def as_csv(rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for line in table(rows):
        writer.writerow(["" if cell is None else cell for cell in line])
    return buffer.getvalue()


def as_xlsx(rows, title: str = "indicatoren") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for line in table(rows):
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---- the organisation overview (reporting/dashboards/organisation.py) ----------------------

def overview_header(overview) -> list[str]:
    """The overview's column names, a percentage marked "(%)", and whether the figures are frozen."""
    names = [_("Team"), _("Team code")]
    names += [f"{m.label} (%)" if m.unit == "%" else str(m.label) for m in overview.measures]
    return [*names, _("Frozen")]


def _row_frozen(frozen: FrozenState, overview, row) -> str:
    return frozen.of_row(row.code, [(m.indicator, cell.value) for m, cell in zip(overview.measures, row.cells,
                                                                                  strict=True)])


def overview_xlsx(overview, figures=None) -> bytes:
    """The overview as a workbook: one sheet of figures (team names and codes as text, never
    a formula; number formats by the figure's decimals), with ``figures``
    (``dashboards.all_figures``) one of every stored figure of the period, and one about
    its computation."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = overview.period.code
    sheet.append(safe_row(overview_header(overview)))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    frozen = FrozenState(overview.period)
    for row in overview.all_rows:
        sheet.append([safe_cell(str(row.name)), safe_cell(row.code), *(cell.value for cell in row.cells),
                      _row_frozen(frozen, overview, row)])
        for cell, figure in zip(sheet[sheet.max_row][2:-1], row.cells, strict=True):
            cell.number_format = "0" if figure.decimals == 0 else "0." + "0" * figure.decimals
    for row in sheet.iter_rows(min_row=2, max_col=2):
        for cell in row:
            cell.data_type = "s"  # text, never a formula
    sheet.freeze_panes = "C2"
    sheet.column_dimensions["A"].width = 32
    if figures is not None:
        _figures_sheet(workbook.create_sheet(_("All figures")), figures, frozen)
    info = workbook.create_sheet(_("About"))
    computed_at = timezone.localtime(overview.computation.computed_at)
    info.append([_("Period"), overview.period.code])
    info.append([_("Computed at"), computed_at.strftime("%d-%m-%Y %H:%M")])
    if frozen.version is None:
        info.append([_("Frozen"), _("no")])
    else:
        frozen_at = timezone.localtime(frozen.version.frozen_at).strftime("%d-%m-%Y %H:%M")
        info.append([_("Frozen"), _("yes, version %(number)s on %(moment)s") % {
            "number": frozen.version.number, "moment": frozen_at}])
    info.append([_("Source"), _("Buurtteam reporting tables (indicator rows); aggregated figures only.")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def overview_csv(overview) -> str:
    """The overview for Dutch Excel: ";" between the columns and a decimal comma."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, **DUTCH_CSV)
    writer.writerow(safe_row(overview_header(overview)))
    frozen = FrozenState(overview.period)
    for row in overview.all_rows:
        writer.writerow([
            safe_cell(str(row.name)), safe_cell(row.code),
            *("" if cell.value is None else dutch_decimal(cell.rounded, cell.decimals) for cell in row.cells),
            _row_frozen(frozen, overview, row),
        ])
    return buffer.getvalue()


def _figures_sheet(sheet, figures, frozen: FrozenState) -> None:
    sheet.append(safe_row(header()))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for name, code, indicator, dimension, value, count in figures:
        sheet.append([safe_cell(str(name)), safe_cell(code), indicator, safe_cell(dimension), value, count,
                      unit_of(indicator), frozen.of(code, indicator, dimension, value)])
        for cell in sheet[sheet.max_row][:4]:
            cell.data_type = "s"  # text, never a formula
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["C"].width = 36


def figures_csv(figures, frozen: FrozenState) -> str:
    """Every stored figure of a period for Dutch Excel (";", decimal comma, full precision), a
    percentage marked "%" in the column "Eenheid", and whether it is the frozen figure."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, **DUTCH_CSV)
    writer.writerow(safe_row(header()))
    for name, code, indicator, dimension, value, count in figures:
        writer.writerow([safe_cell(str(name)), safe_cell(code), indicator, safe_cell(dimension),
                         "" if value is None else f"{value:.15g}".replace(".", ","), count,
                         unit_of(indicator), frozen.of(code, indicator, dimension, value)])
    return buffer.getvalue()
