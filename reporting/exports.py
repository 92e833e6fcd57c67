"""Indicator rows as CSV and Excel, for analysts who live in spreadsheets."""

import csv
import io

from openpyxl import Workbook

from cases.spreadsheet import safe_row

HEADER = ["period", "team", "indicator", "dimension", "value", "count", "computed_at"]


def table(rows):
    """Header plus one list per IndicatorRow (team as code, empty for all teams); text
    cells never start like a formula."""
    yield HEADER
    for row in rows:
        yield safe_row([
            row.period, row.team.code if row.team_id else "", row.indicator, row.dimension, row.value, row.count,
            row.computed_at.isoformat(),
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
