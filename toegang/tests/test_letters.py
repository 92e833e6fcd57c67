"""The beschikking letter: a PDF in Dutch with decision, product, provider, omvang, period,
reasons and the rechtsmiddelenclausule, every name intact (text extracted with pypdf)."""

import io

from django.urls import reverse
from pypdf import PdfReader

from conftest import as_user
from toegang.letters import verslag_pdf
from toegang.models import Letter


def text_of(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_letter_prints_every_name_and_what_was_decided(allocation):
    letter = Letter.objects.get(referral=allocation)
    text = text_of(bytes(letter.pdf))
    for expected in ("Łucja", "Şahin-Čapková", "van", "Individuele ambulante begeleiding", "Zorg Utrecht",
                     "Begeleiding bij dagstructuur.", "zes weken", "bezwaar", "per week",
                     str(allocation.allocation_number)):
        assert expected in text, expected


def test_the_team_downloads_the_letter_and_another_team_gets_404(client, allocation, generalist_a, generalist_b):
    letter = Letter.objects.get(referral=allocation)
    as_user(client, generalist_a)
    response = client.get(reverse("toegang:letter", args=[letter.pk]))
    assert response["Content-Type"] == "application/pdf" and response.content == bytes(letter.pdf)
    client.logout()
    as_user(client, generalist_b)
    assert client.get(reverse("toegang:letter", args=[letter.pk])).status_code == 404


def test_the_verslag_has_room_for_remarks(allocation, generalist_a):
    from maatwerk import melding_services

    melding = melding_services.create_melding(allocation.dossier, user=generalist_a, client=allocation.client,
                                              melding_on=allocation.requested_on)
    text = text_of(verslag_pdf(melding))
    assert "Łucja" in text and "opmerkingen" in text.lower()
