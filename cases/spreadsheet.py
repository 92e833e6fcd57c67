"""Cells for files a person opens in a spreadsheet (CSV, xlsx): text never starts like a
formula (CSV/formula injection, OWASP). Every CSV or xlsx a user downloads writes its
cells through ``safe_cell`` or ``safe_row``.

A text cell whose first character (after leading spaces) is ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return gets a leading apostrophe: spreadsheets then show the text
as typed instead of evaluating it. Numbers, dates and empty values pass unchanged.
Not for the bundle format, which must stay lossless: there the reader removes the
apostrophe again (see the bundle code)."""

from collections.abc import Iterable
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a formula-like text neutralised; anything that is not text unchanged."""
    if isinstance(value, str) and value.lstrip(" ")[:1] in FORMULA_PREFIXES:
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in values]


# ---- CSV for Dutch Excel: every download for people (the API's and the bundle's CSV are for programs) ----

DUTCH_CSV: dict[str, Any] = {"delimiter": ";", "lineterminator": "\r\n"}


def dutch_value(value: Any) -> Any:
    """A cell as Dutch Excel reads it: dates dd-mm-jjjj, times dd-mm-jjjj uu:mm, a decimal comma,
    yes/no in words, text never like a formula."""
    import datetime as dt

    from django.utils import timezone
    from django.utils.translation import gettext as _

    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float):
        return f"{value:.15g}".replace(".", ",")
    return safe_cell(value)


def dutch_csv(rows: Iterable[Iterable[Any]]) -> bytes:
    """Rows (the header first) as CSV for Dutch Excel: ";" between columns, decimal comma,
    UTF-8 with a BOM (so Excel reads "Ł" and "é"), CRLF line ends."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, **DUTCH_CSV)
    for row in rows:
        writer.writerow([dutch_value(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def csv_response(filename: str, rows: Iterable[Iterable[Any]]):
    """A download of ``rows`` as ``dutch_csv``."""
    from django.http import HttpResponse

    response = HttpResponse(dutch_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
