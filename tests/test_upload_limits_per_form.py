"""Issue 26: every file upload form has its own size limit and accepted kinds, checked in the
app (not only at the proxy): every problem at once, in Dutch, next to the field, with the limit
in the field's help text (cases.uploads.UploadField). And the request-wide caps are set
deliberately: a form body of 3 MB is refused before any view reads it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.factories import household
from conftest import as_user
from exchange.models import BundleImport
from frontdoor.models import EarlySignal
from journal.models import Document

LIMIT = "1,0\xa0KB"  # 1024 bytes, as Dutch filesizeformat writes it (a no-break space)
TOO_LARGE = f"Dit bestand is 2,0\xa0KB; het mag hoogstens {LIMIT} zijn."
EXE = b"MZ\x90\x00" + b"\x00" * 2044  # 2048 bytes: too large and of a kind no form accepts


def _field_errors(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    assert 'id="id_file_errors"' in page  # shown next to the field
    return list(response.context["form"].errors["file"])


@pytest.fixture
def dossier(team_a, generalist_a):
    dossier = household(team_a, lead_worker=generalist_a)
    dossier.workers.add(generalist_a)
    return dossier


def test_journal_documents(client, settings, tmp_path, dossier, generalist_a):
    settings.PRIVATE_MEDIA_ROOT, settings.DOCUMENT_MAX_BYTES = tmp_path, 1024
    url = reverse("journal:document_new", args=[dossier.pk])
    as_user(client, generalist_a)
    assert f"Toegestaan: PDF, JPEG, PNG, Word (.docx) of OpenDocument (.odt), hoogstens {LIMIT}." in (
        client.get(url).content.decode())
    response = client.post(url, {"file": SimpleUploadedFile("brief.pdf", EXE), "kind": "brief",
                                 "description": "x" * 300})
    assert _field_errors(response) == [TOO_LARGE, "Dit soort bestand wordt hier niet aangenomen. Toegestaan: PDF, "
                                                   "JPEG, PNG, Word (.docx) of OpenDocument (.odt)."]
    assert response.context["form"].errors["description"]  # the other field's problem in the same round
    assert not Document.objects.exists()


def test_the_bundle_upload(client, settings, beheer):
    settings.BUNDLE_UPLOAD_MAX_BYTES = 1024
    url = reverse("exchange:import_upload")
    as_user(client, beheer)
    assert f"Toegestaan: een .zip-bestand, hoogstens {LIMIT}." in client.get(url).content.decode()
    response = client.post(url, {"file": SimpleUploadedFile("bundel.exe", EXE)})
    assert _field_errors(response) == [TOO_LARGE, "Dit soort bestand wordt hier niet aangenomen. "
                                                  "Toegestaan: een .zip-bestand."]
    assert not BundleImport.objects.exists()


def test_the_front_doors_signal_file(client, settings, beheer):
    settings.SIGNALS_UPLOAD_MAX_BYTES = 1024
    url = reverse("frontdoor:upload")
    as_user(client, beheer)
    assert f"Toegestaan: CSV (.csv), hoogstens {LIMIT}." in client.get(url).content.decode()
    response = client.post(url, {"file": SimpleUploadedFile("signals.xlsx", EXE)})
    assert _field_errors(response) == [TOO_LARGE, "Dit soort bestand wordt hier niet aangenomen. "
                                                  "Toegestaan: CSV (.csv)."]
    empty = client.post(url, {"file": SimpleUploadedFile("signals.csv", b"")})
    assert _field_errors(empty) == ["Het bestand is leeg."]
    assert not EarlySignal.objects.exists()


def test_a_form_body_over_the_request_cap_is_refused(client, dossier, generalist_a):
    as_user(client, generalist_a)
    url = reverse("journal:new", args=[dossier.pk])
    response = client.post(url, {"written_on": "2026-12-01", "kind": "telefoon", "text": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 400  # DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB): Django refuses the body
    assert client.post(url, {"written_on": "2026-12-01", "kind": "telefoon", "text": "x" * 100}).status_code == 302
