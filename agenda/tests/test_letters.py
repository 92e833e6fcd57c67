"""Letters: every shipped letter prints a name with Ł, Ş and Č intact (text read back from
the PDF), an emoji is replaced visibly, only the fixed merge fields are accepted, the letter
is kept as a dossier document and appears on the timeline; beheer's preview uses demo data."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from agenda import services
from agenda.factories import appointment
from agenda.models import Letter, LetterTemplate
from agenda.shipped_letters import SHIPPED
from cases.factories import household
from cases.pdf import MISSING_GLYPH
from conftest import as_user
from journal.models import Document

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _named(dossier, given="Łucja", family="Şahin-Čapková 🙂"):
    person = dossier.members.first().client
    person.given_name, person.family_name_prefix, person.family_name = given, "van", family
    person.address, person.postcode = "Oudegracht 12a", "3511AB"
    person.save()
    return person


@pytest.mark.parametrize("code", [letter["code"] for letter in SHIPPED])
def test_every_shipped_letter_prints_the_name_intact(code, team_a, generalist_a):
    dossier = household(team_a)
    person = _named(dossier)
    planned = appointment(dossier, user=generalist_a, kind="kennismakingsgesprek")
    template = LetterTemplate.objects.get(code=code)
    letter = services.make_letter(dossier, user=generalist_a, template=template, client=person,
                                  appointment=planned if template.needs_appointment else None)
    with letter.document.file.open("rb") as stored:
        text = _text(stored.read())
    assert "Łucja van Şahin-Čapková" in text
    assert MISSING_GLYPH in text and "🙂" not in text
    assert "{" not in text
    assert Document.objects.get(pk=letter.document_id).kind == "brief"


def test_only_the_fixed_fields_are_accepted(beheer):
    template = LetterTemplate(code="x", name="X", title="Brief {naam}", body="{naam.__class__} {bsn} {datum}")
    with pytest.raises(ValidationError) as error:
        services.save_template(template, user=beheer)
    assert "body" in error.value.error_dict and "title" not in error.value.error_dict


def test_make_share_and_timeline(client, team_a, generalist_a):
    dossier = household(team_a)
    person = _named(dossier, family="Kowalski")
    as_user(client, generalist_a)
    template = LetterTemplate.objects.get(code="afsluiting")
    answer = client.post(reverse("agenda:letter_new", args=[dossier.pk]),
                         {"template": template.pk, "client": person.pk})
    letter = Letter.objects.get()
    assert answer.status_code == 302 and answer.url == reverse("agenda:letter", args=[letter.pk])
    page = client.get(answer.url).content.decode()
    assert reverse("portal_staff:share", args=[dossier.pk, letter.document_id]) in page
    assert client.get(reverse("journal:document", args=[dossier.pk, letter.document_id])).status_code == 200
    assert template.name in client.get(reverse("cases:dossier", args=[dossier.pk])).content.decode()


def test_beheer_edits_and_previews_with_demo_data(client, beheer, generalist_a):
    template = LetterTemplate.objects.get(code="bevestiging-afspraak")
    as_user(client, beheer)
    answer = client.get(reverse("agenda:template_preview", args=[template.pk]))
    assert answer["Content-Type"] == "application/pdf"
    assert "Łucja van Şahin-Čapková" in _text(answer.content)
    answer = client.post(reverse("agenda:template", args=[template.pk]), {
        "name": template.name, "title": template.title, "body": "Beste {naam}, {onbekend}", "active": "on"})
    assert answer.status_code == 200 and "{onbekend}" in answer.content.decode()
    answer = client.post(reverse("agenda:template_new"), {
        "code": "herinnering", "name": "Herinnering", "title": "Herinnering", "body": "Beste {naam}", "active": "on"})
    assert answer.status_code == 302 and LetterTemplate.objects.filter(code="herinnering").exists()
    as_user(client, generalist_a)
    assert client.get(reverse("agenda:templates")).status_code == 403
