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
