"""Mijn buurtteam and the Wmo toegang: the resident reads the report of the onderzoek once it
was given and adds remarks, kept with it; the resident downloads the beschikking letters of
their household; a partner's letter and another household's report stay hidden (404)."""

from django.urls import reverse

from maatwerk import melding_services
from maatwerk.factories import ReferralFactory
from maatwerk.models import Melding
from portal.testing import as_portal
from toegang.letters import beschikking_pdf
from toegang.models import Letter


def _melding(dossier, client, user, given=True):
    melding = melding_services.create_melding(dossier, user=user, client=client, melding_on=dossier.registered_on)
    if given:
        melding_services.record_verslag(melding, user=user, verslag="U wilt hulp bij de administratie.",
                                        verslag_on=dossier.registered_on)
    return melding


def _letter(dossier, client):
    referral = ReferralFactory(dossier=dossier, client=client)
    return Letter.objects.create(referral=referral, kind="afwijzing", issued_on=dossier.registered_on,
                                 pdf=beschikking_pdf(referral, "afwijzing", dossier.registered_on))


def test_the_resident_reads_the_report_and_adds_remarks(client, resident, dossier_a, applicant, generalist_a):
    melding = _melding(dossier_a, applicant, generalist_a)
    hidden = _melding(dossier_a, applicant, generalist_a, given=False)
    as_portal(client, resident)
    page = client.get(reverse("portal:dossier", args=[dossier_a.pk])).content.decode()
    assert reverse("portal:wmo_verslag", args=[dossier_a.pk, melding.pk]) in page
    assert reverse("portal:wmo_verslag", args=[dossier_a.pk, hidden.pk]) not in page
    url = reverse("portal:wmo_verslag", args=[dossier_a.pk, melding.pk])
    assert "administratie" in client.get(url).content.decode()
    response = client.post(url, {"remarks": "Het gaat ook om mijn huur."})
    assert response.status_code == 302
    stored = Melding.objects.get(pk=melding.pk)
    assert (stored.client_remarks, stored.client_remarks_via) == ("Het gaat ook om mijn huur.", "portal")
    assert client.get(reverse("portal:wmo_verslag", args=[dossier_a.pk, hidden.pk])).status_code == 404


def test_the_resident_downloads_their_letter_not_the_partners(client, resident, dossier_a, applicant, partner):
    own, partners = _letter(dossier_a, applicant), _letter(dossier_a, partner)
    as_portal(client, resident)
    response = client.get(reverse("portal:wmo_letter", args=[dossier_a.pk, own.pk]))
    assert response["Content-Type"] == "application/pdf" and response.content == bytes(own.pdf)
    assert client.get(reverse("portal:wmo_letter", args=[dossier_a.pk, partners.pk])).status_code == 404
