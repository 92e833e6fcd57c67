"""The inzage PDF (AVG art. 15) is a legal document for the person: their name prints as
written (Łucja Şahin-Wójcik, not "?ucja ?ahin-Wójcik"), every label is Dutch (no "created at",
"kind", "user") and workers are named by their names, not their usernames."""

import io

from django.urls import reverse
from pypdf import PdfReader

from cases import services
from cases.factories import ClientFactory, DossierFactory, DossierMemberFactory, user_with_role
from cases.models import MemberRole, Role
from conftest import as_user
from journal import services as journal_services

NAME = "Łucja Şahin-Wójcik"


def test_the_pdf_prints_the_name_dutch_labels_and_workers_names(client, team_a, team_b, beheer):
    worker = user_with_role(Role.GENERALIST, team_a, username="gen-xq7", first_name="Čeněk", last_name="Dvořák")
    person = ClientFactory(given_name="Łucja", family_name="Şahin-Wójcik")
    dossier = DossierFactory(team=team_a, lead_worker=worker)
    DossierMemberFactory(dossier=dossier, client=person, role=MemberRole.APPLICANT)
    journal_services.write_entry(dossier, user=worker, written_on=dossier.registered_on, kind="telefoon",
                                 text="Gebeld over de huur.", client=person)
    services.transfer(dossier, user=worker, to_team=team_b, note="verhuisd")
    as_user(client, beheer)
    response = client.post(reverse("cases:inzage_pdf", args=[person.pk]))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert NAME in text
    assert "Čeněk Dvořák" in text and "gen-xq7" not in text
    lines = [line.split(":")[0].strip() for line in text.splitlines() if ":" in line]
    for english in ("created at", "kind", "user", "updated at", "author", "at", "on", "detail"):
        assert english not in lines, english

