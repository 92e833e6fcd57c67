"""An entry is never edited or deleted; a correction is a new entry shown with the original."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import as_user
from journal import services
from journal.models import JournalEntry


def test_a_correction_is_a_new_entry_shown_with_the_original(client, dossier, entries, lead_a):
    original = entries[0]
    as_user(client, lead_a)
    response = client.post(reverse("journal:correct", args=[dossier.pk, original.pk]),
                           {"text": "Niet de huur maar de energierekening."})
    assert response.status_code == 302
    correction = JournalEntry.objects.get(corrects=original)
    assert correction.author == lead_a and correction.written_on == original.written_on
    original.refresh_from_db()
    assert original.text == "Gebeld over de huur: OPENTEKST"  # unchanged
    page = client.get(reverse("journal:list", args=[dossier.pk]))
    listed = list(page.context["page"])
    assert correction not in listed  # shown inside its original, not as an entry of its own
    shown = next(e for e in listed if e.pk == original.pk)
    assert shown.shown_corrections == [correction]
    html = page.content.decode()
    assert html.index("OPENTEKST") < html.index("energierekening")


def test_a_correction_is_not_a_contact_moment(dossier, entries, generalist_a):
    services.correct_entry(entries[0], user=generalist_a, text="Aanvulling")
    assert JournalEntry.objects.contact_moments().count() == 2


def test_the_model_refuses_to_change_or_delete_an_entry(entries):
    entry = entries[0]
    entry.text = "anders"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


def test_an_entry_the_writer_cannot_read_cannot_be_corrected(dossier, entries, colleague_a):
    with pytest.raises(ValidationError) as excinfo:
        services.correct_entry(entries[1], user=colleague_a, text="Ik corrigeer iets geheims")
    assert "corrects" in excinfo.value.message_dict


def test_a_correction_of_a_confidential_entry_stays_confidential(dossier, entries, coach_a, colleague_a):
    correction = services.correct_entry(entries[1], user=coach_a, text="Correctie GEHEIMTEKST2")
    assert correction.confidential
    assert correction not in JournalEntry.objects.for_user(colleague_a)
