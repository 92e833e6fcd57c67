"""Consent on the dossier page: recording and withdrawing per member, errors next to the
field with nothing typed lost, access log, other teams 404, Dutch throughout."""

from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from plans.factories import ConsentFactory
from plans.models import Consent
from plans.tests.conftest import DAY, TODAY


def test_dossier_page_shows_consents_in_dutch(client, generalist_a, dossier, member):
    ConsentFactory(dossier=dossier, client=member, recipient="Lister", given_on=TODAY - 5 * DAY)
    ConsentFactory(dossier=dossier, client=member, recipient="huisarts Jansen", given_on=TODAY - 9 * DAY,
                   withdrawn_on=TODAY - DAY)
    html = as_user(client, generalist_a).get(dossier.get_absolute_url()).content.decode()
    assert "Toestemming om gegevens te delen" in html
    assert "Lister" in html and "huisarts Jansen" in html
    assert f"ingetrokken op {(TODAY - DAY):%d-%m-%Y}" in html
    assert html.count(">Intrekken<") == 1  # only the consent still in force can be withdrawn
    assert "Toestemming vastleggen" in html


def test_record_consent_through_the_form(client, generalist_a, dossier, member):
    as_user(client, generalist_a)
    url = reverse("plans:consent_new", args=[dossier.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Toestemming van" in page.content.decode()
    assert AccessLogEntry.objects.filter(dossier=dossier, client=member, action="view").exists()
    response = client.post(url, {"client": member.pk, "recipient": "Lister", "purpose": "Behandeling",
                                 "form": "digitaal", "given_on": TODAY.isoformat()})
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert (consent.client, consent.dossier, consent.recorded_by, consent.form) == (
        member, dossier, generalist_a, "digitaal")
    assert AccessLogEntry.objects.filter(dossier=dossier, client=member, action="create").exists()


def test_errors_next_to_the_field_nothing_lost(client, generalist_a, dossier, member):
    as_user(client, generalist_a)
    response = client.post(reverse("plans:consent_new", args=[dossier.pk]), {
        "client": member.pk, "recipient": "Lister", "purpose": "Behandeling bij Lister", "form": "mondeling",
        "given_on": TODAY.isoformat(), "expires_on": (TODAY - DAY).isoformat()})
    html = response.content.decode()
    assert response.status_code == 200
    assert "De toestemming kan niet verlopen voordat die werd gegeven" in html
    assert "Behandeling bij Lister" in html  # nothing typed lost
    assert not Consent.objects.exists()


def test_withdraw_through_the_form(client, generalist_a, dossier, member):
    consent = ConsentFactory(dossier=dossier, client=member, given_on=TODAY - 5 * DAY)
    as_user(client, generalist_a)
    url = reverse("plans:consent_withdraw", args=[dossier.pk, consent.pk])
    assert "Toestemming intrekken" in client.get(url).content.decode()
    response = client.post(url, {"withdrawn_on": (TODAY - 6 * DAY).isoformat()})
    assert "De toestemming kan niet zijn ingetrokken voordat die werd gegeven" in response.content.decode()
    assert client.post(url, {"withdrawn_on": TODAY.isoformat()}).status_code == 302
    consent.refresh_from_db()
    assert (consent.withdrawn_on, consent.withdrawn_by) == (TODAY, generalist_a)
    assert Consent.objects.filter(pk=consent.pk).exists()  # kept, never deleted


def test_other_team_gets_404(client, generalist_b, dossier, member):
    consent = ConsentFactory(dossier=dossier, client=member)
    as_user(client, generalist_b)
    assert client.get(reverse("plans:consent_new", args=[dossier.pk])).status_code == 404
    withdraw = reverse("plans:consent_withdraw", args=[dossier.pk, consent.pk])
    assert client.post(withdraw, {"withdrawn_on": TODAY.isoformat()}).status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_coach_sees_and_beleid_does_not(client, coach_a, beleid, dossier, member):
    ConsentFactory(dossier=dossier, client=member, recipient="Lister")
    assert "Lister" in as_user(client, coach_a).get(dossier.get_absolute_url()).content.decode()
    assert as_user(client, beleid).get(dossier.get_absolute_url()).status_code == 404
