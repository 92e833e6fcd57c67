"""Every UI string has a Dutch translation, and the compiled catalogues are current."""

from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [*sorted(ROOT.glob("*/locale/nl/LC_MESSAGES/django.po")), ROOT / "locale/nl/LC_MESSAGES/django.po"]


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in po.translated_entries():
        assert compiled.get((entry.msgctxt, entry.msgid)) == (entry.msgstr, entry.msgstr_plural), entry.msgid


def test_dutch_is_the_default_and_english_available(client, db):
    assert "Inloggen" in client.get(reverse("login")).content.decode()
    with translation.override("en"):
        assert translation.gettext("My dossiers") == "My dossiers"
    with translation.override("nl"):
        assert translation.gettext("My dossiers") == "Mijn dossiers"
