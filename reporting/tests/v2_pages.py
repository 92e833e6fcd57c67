"""Reading the tables of the dashboards' v2 sections in the tests: a table by its caption
id, its rows by ``data-key``, each row as its cells' text."""

import html
import re

from django.urls import reverse

from conftest import as_user
from tests.html import plain


def table_rows(content: str, caption_id: str) -> dict[str, list[str]]:
    """data-key -> the texts of the row's cells (header cell first) of the table captioned ``caption_id``."""
    start = content.index(f'id="{caption_id}"')
    table = content[start:content.index("</table>", start)]
    rows = {}
    for key, body in re.findall(r'<tr[^>]* data-key="([^"]*)"[^>]*>(.*?)</tr>', table, re.S):
        rows[key] = [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", cell))).strip()
                     for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", body, re.S)]
    return rows


def team_page(client, user, team, period: str) -> str:
    response = as_user(client, user).get(reverse("reporting:team_dashboard", args=[team.code]), {"period": period})
    assert response.status_code == 200
    return plain(response.content)
