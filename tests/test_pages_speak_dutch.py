"""Every page, as every role, speaks Dutch to people (issue 27, item 8): no model field names
(``caseload_per_fte``, ``created_at``), no app labels or model reprs (``cases.Client``), no
Python values (``None``, ``True``), no English words, and no English msgid of any of our
catalogues shown as it is.

The pages are every URL pattern of the resolver with the persona matrix's samples
(tests/test_persona_matrix.py), requested with the ids of the persona's own team (so the
pages show real objects); a portal resident and a third party walk /mijn/. Only HTML answers
of 200 are read; the visible text is the page without tags, scripts, styles and attribute
values (the ``title`` and ``aria-label`` and ``placeholder`` of an element are read too:
screen readers speak them)."""

import html as html_lib
import re
from functools import cache
from pathlib import Path

import polib
import pytest

from conftest import as_user
from portal.testing import as_portal
from tests import test_persona_matrix as matrix
from tests.test_persona_matrix import body, patterns, sample_for, url_for
from tests.test_portal_personas import portal_world  # noqa: F401 (a fixture)

worlds = matrix.worlds

ROOT = Path(__file__).resolve().parent.parent
STAFF = ["generalist_a", "coach_a", "beleid", "beheer"]
PORTAL = ["resident_a", "invitee_a"]
SKIPPED_NAMES = {"api-schema", "set_language", "logout", "portal:logout"}
# Pages whose subject is what a person types or a file must hold: the columns of the creditors'
# signal file and the {fields} of a letter template are shown as they are to be written.
CODE_IS_THE_SUBJECT = {"frontdoor:upload", "agenda:template_new", "agenda:template"}

SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # caseload_per_fte, created_at
MODEL_REPR = re.compile(r"\b(?:cases|zrm|maatwerk|plans|journal|work|portal|toegang|frontdoor|agenda|voice|"
                        r"reporting|exchange|staffauth|auth)\.[A-Z][A-Za-z]+\b")  # cases.Client
PYTHON_VALUES = re.compile(r"\b(?:None|True|False|nan)\b")
ENGLISH = re.compile(r"\b(?:the|and|with|your|you|this|has been|please|created|updated|agreed by|user|users|"
                     r"password|This field|Enter a valid)\b|\b\w+\(s\)")
VISIBLE_ATTRIBUTES = re.compile(r'\b(?:title|aria-label|placeholder|alt)="([^"]*)"')


# Django's admin shows a yes/no as an icon whose alt text is its own untranslated "True"/"False".
ADMIN_BOOLEAN_ICON = re.compile(r'<img src="[^"]*/admin/img/icon-(?:yes|no|unknown)\.svg" alt="[^"]*">')


def visible_text(page: str) -> str:
    page = ADMIN_BOOLEAN_ICON.sub(" ", page)
    page = re.sub(r"(?is)<(script|style|template)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<!--.*?-->", " ", page)
    spoken = " ".join(VISIBLE_ATTRIBUTES.findall(page))
    text = re.sub(r"(?s)<[^>]+>", " ", page) + " " + spoken
    return re.sub(r"\s+", " ", html_lib.unescape(text))


@cache
def english_msgids() -> frozenset[str]:
    """The English msgids of our catalogues whose Dutch differs, of three words or more (a
    shorter one may be Dutch as well, "Team" or "Status")."""
    found = set()
    for po_path in [*ROOT.glob("*/locale/nl/LC_MESSAGES/django.po"), ROOT / "locale/nl/LC_MESSAGES/django.po"]:
        for entry in polib.pofile(str(po_path)):
            words = entry.msgid.split()
            if len(words) >= 3 and "%" not in entry.msgid and "{" not in entry.msgid and entry.msgstr \
                    and entry.msgstr != entry.msgid and "<" not in entry.msgid:
                found.add(" ".join(words))
    return frozenset(found)


def findings(text: str, key: str = "") -> list[str]:
    found = [] if key in CODE_IS_THE_SUBJECT else SNAKE_CASE.findall(text)
    found += MODEL_REPR.findall(text) + PYTHON_VALUES.findall(text)
    found += ENGLISH.findall(text)
    found += [msgid for msgid in english_msgids() if msgid in text]
    return sorted(set(found))


def pages(client, world, shared, *, portal: bool):
    for key, route, name in patterns():
        sample = sample_for(name, route)
        if sample is None or name in SKIPPED_NAMES:
            continue
        if route.startswith("mijn/") != portal:
            continue
        url = url_for(key, route, name, sample, world, shared)
        response = client.get(url)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            yield key, url, body(response)


def _check(client, world, shared, portal=False) -> tuple[int, list[str]]:
    read, problems = 0, []
    for key, url, page in pages(client, world, shared, portal=portal):
        read += 1
        found = findings(visible_text(page), key)
        if found:
            problems.append(f"GET {url} ({key}) shows {found}")
    return read, problems


@pytest.mark.parametrize("persona", STAFF)
def test_every_staff_page_speaks_dutch(client, persona, worlds):
    world = worlds["a"]
    users = {"generalist_a": world.generalist, "coach_a": world.coach, "beleid": worlds["beleid"],
             "beheer": worlds["beheer"]}
    as_user(client, users[persona])
    read, problems = _check(client, world, worlds["shared"])
    assert read >= 8, f"only {read} pages read"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("persona", PORTAL)
def test_every_portal_page_speaks_dutch(client, persona, worlds, portal_world):  # noqa: F811
    worlds["a"]._made[matrix.GOAL] = portal_world["goal"].pk  # the goal the third party was invited to
    as_portal(client, portal_world[persona])
    read, problems = _check(client, worlds["a"], worlds["shared"], portal=True)
    assert read >= 1, f"only {read} pages read"
    assert not problems, "\n".join(problems)


def test_the_checks_find_what_they_look_for():
    page = ('<p title="Created by">Dossier gewijzigd: workers, caseload_per_fte</p><script>var a_b = 1</script>'
            '<p>cases.Client: 502; 1 dossier(s); None</p>')
    text = visible_text(page)
    assert "a_b" not in text
    assert set(findings(text)) >= {"caseload_per_fte", "cases.Client", "dossier(s)", "None"}
    assert findings(visible_text("<p>Het kind is 4 jaar; status: lopend</p>")) == []
