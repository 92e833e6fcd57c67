"""Documents: type read from the content, size limited, stored outside the public roots,
downloaded only by the dossier's team, logged."""

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from journal.models import Document

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.DOCUMENT_MAX_BYTES = 1024
    return settings.PRIVATE_MEDIA_ROOT


def upload(client, dossier, name, content, kind="brief"):
    return client.post(reverse("journal:document_new", args=[dossier.pk]),
                       {"file": SimpleUploadedFile(name, content), "kind": kind, "description": "Brief gemeente"})


def test_a_pdf_is_stored_outside_the_public_roots(client, dossier, generalist_a, private_root):
    as_user(client, generalist_a)
    assert upload(client, dossier, "brief.pdf", PDF).status_code == 302
    document = Document.objects.get()
    assert (document.content_type, document.original_name, document.size) == ("application/pdf", "brief.pdf", len(PDF))
    path = document.file.path
    assert path.startswith(str(private_root))
    for public in (django_settings.STATIC_ROOT, django_settings.MEDIA_ROOT, *django_settings.STATICFILES_DIRS):
        assert not path.startswith(str(public))
    assert "brief" not in document.file.name  # a name of our own


def test_type_is_read_from_the_content_not_the_name(client, dossier, generalist_a):
    as_user(client, generalist_a)
    response = upload(client, dossier, "brief.pdf", b"MZ\x90\x00 this is an executable, not a pdf")
    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert upload(client, dossier, "foto.txt", PNG).status_code == 302  # a PNG, whatever its name
    assert Document.objects.get().content_type == "image/png"


def test_a_file_over_the_limit_is_refused(client, dossier, generalist_a):
    as_user(client, generalist_a)
    response = upload(client, dossier, "groot.pdf", PDF + b"0" * 2000)
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Document.objects.exists()


def test_download_only_for_the_team_and_logged(client, dossier, generalist_a, coach_a, generalist_b, beleid):
    as_user(client, generalist_a)
    upload(client, dossier, "brief.pdf", PDF)
    document = Document.objects.get()
    url = reverse("journal:document", args=[dossier.pk, document.pk])
    as_user(client, coach_a)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AccessLogEntry.objects.filter(user=coach_a, detail=f"document: {document.pk}").exists()
    for outsider in (generalist_b, beleid):
        as_user(client, outsider)
        assert client.get(url).status_code == 404
    other_dossier_url = reverse("journal:document", args=[dossier.pk + 999, document.pk])
    as_user(client, generalist_a)
    assert client.get(other_dossier_url).status_code == 404
