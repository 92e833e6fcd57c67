"""Indicator rows as CSV and Excel, for analysts who live in spreadsheets."""

import csv
import io

from django.utils import timezone
from openpyxl import Workbook

from cases.spreadsheet import safe_row

HEADER = ["period", "team", "indicator", "dimension", "value", "count", "computed_at"]

# Downloads for people open in Dutch Excel, which splits columns on ";" and reads "1,5" as a
# number (the BOM makes it read UTF-8). The API's CSV is for programs: RFC 4180, "." decimals.
DUTCH_CSV = {"delimiter": ";", "lineterminator": "\r\n"}


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
