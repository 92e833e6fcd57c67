"""Issue 26, item 6: the admin shows no personal data without a log. Residents' and
invitees' logins are not in the users list (by name, search or id); documents show neither
file name nor description."""

from django.urls import reverse

from cases.factories import household
from conftest import as_user
from journal.models import Document
from portal.testing import resident_account


def test_portal_accounts_are_not_in_the_admin(client, team_a, generalist_a, beheer):
    dossier = household(team_a, lead_worker=generalist_a)
    resident_client = dossier.members.first().client
    resident_client.family_name = "Bewonernaamqz"
    resident_client.save()
    account = resident_account(dossier, resident_client, generalist_a, email="bewoner@example.org")
    as_user(client, beheer)
    found = client.get(reverse("admin:auth_user_changelist"), {"q": "Bewonernaamqz"})
    assert found.context["cl"].result_count == 0  # (the search box repeats the term itself)
    assert "bewoner@example.org" not in found.content.decode()
    listed = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "bewoner@example.org" not in listed
    assert client.get(reverse("admin:auth_user_change", args=[account.user.pk])).status_code in (302, 404)


def test_documents_are_not_in_the_admin(client, team_a, generalist_a, beheer):
    dossier = household(team_a, lead_worker=generalist_a)
    Document.objects.create(dossier=dossier, kind="overig", description="Brief over Pietje Puk", file="x.pdf",
                            original_name="verslag huisarts Jansenqz.pdf", content_type="application/pdf", size=10,
                            uploaded_by=generalist_a)
    as_user(client, beheer)
    assert client.get("/beheer/journal/document/").status_code == 404
    index = client.get(reverse("admin:index")).content.decode()
    assert "/beheer/journal/document/" not in index and "Jansenqz" not in index
