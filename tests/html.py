"""Tests that look for a piece of markup read the page without the NL Design System's
classes (``utrecht-…``), so they check our structure and values, not the component names."""

import re

_UTRECHT = re.compile(r"\butrecht-[\w-]+ ?")
_EMPTY_CLASS = re.compile(r' class=" ?"')


def plain(html: str | bytes) -> str:
    if isinstance(html, bytes):
        html = html.decode()
    html = _UTRECHT.sub("", html)
    html = re.sub(r'class="([^"]*?) "', r'class="\1"', html)
    return _EMPTY_CLASS.sub("", html)
