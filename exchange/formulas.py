"""Bundle cells a spreadsheet would run as a formula, written so that the bundle stays lossless.

A person may open an exported bundle in a spreadsheet, so a text cell that starts (after
spaces) with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with a leading
apostrophe (as ``cases.spreadsheet`` does for other downloads). To keep import -> export ->
import lossless, a value that itself starts with an apostrophe gets one too, and the reader
removes exactly one leading apostrophe where it is followed by such a character or by another
apostrophe. A value from another system that starts with ``'=`` or ``''`` therefore loses its
first apostrophe (docs/adr/0003-bundle-staging-copy.md)."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape(value: str) -> str:
    if value[:1] == "'" or value.lstrip(" ")[:1] in FORMULA_PREFIXES:
        return "'" + value
    return value


def unescape(value: str) -> str:
    if value[:1] == "'" and (value[1:2] == "'" or value[1:].lstrip(" ")[:1] in FORMULA_PREFIXES):
        return value[1:]
    return value
