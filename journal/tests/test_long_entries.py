"""A long journal entry does not make the dossier page endless: the page shows its beginning
and the whole text behind "read the whole entry"; the form limits the text (with a counter)
and the service refuses a longer one."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import as_user
from journal import services
from journal.factories import JournalEntryFactory
from journal.models import FOLD_AFTER, MAX_TEXT

LONG = ("Gesprek over de schulden en de huur. " * 400)[:10_000]


def test_the_dossier_page_folds_a_long_entry(client, generalist_a, dossier):
    JournalEntryFactory(dossier=dossier, author=generalist_a, text=LONG)
    as_user(client, generalist_a)
    html = client.get(dossier.get_absolute_url()).content.decode()
    assert '<details class="fold">' in html and "fold-preview" in html
    preview = html.split('class="utrecht-paragraph fold-preview">')[1].split("</p>")[0]
    assert len(preview) <= FOLD_AFTER + 10


def test_the_form_has_a_counter_and_the_service_refuses_too_long_text(client, generalist_a, dossier):
    as_user(client, generalist_a)
    html = client.get(reverse("journal:new", args=[dossier.pk])).content.decode()
    assert f'data-maxlength="{MAX_TEXT}"' in html and "data-counter-for" in html
    with pytest.raises(ValidationError) as refused:
        services.write_entry(dossier, user=generalist_a, written_on=dossier.registered_on, kind="telefoon",
                             text="x" * (MAX_TEXT + 1))
    assert "text" in refused.value.message_dict
