"""Confidential entries are readable only by their author, the dossier's lead worker and
the team's coaches: on the journal page, the dossier page, in search, in the CSV export,
the API and the admin. Every persona is tried."""

import pytest
from django.urls import reverse

from conftest import as_user
from journal.models import JournalEntry

SECRET, OPEN = "GEHEIMTEKST", "OPENTEKST"


def pages(dossier):
    return {
        "list": reverse("journal:list", args=[dossier.pk]),
        "search": reverse("journal:list", args=[dossier.pk]) + "?q=tekst",
        "export": reverse("journal:export", args=[dossier.pk]),
        "dossier": reverse("cases:dossier", args=[dossier.pk]),
    }


def content(response) -> str:
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


@pytest.mark.parametrize("persona", ["generalist_a", "lead_a", "coach_a"])
def test_author_lead_worker_and_coach_read_the_confidential_entry(client, request, dossier, entries, persona):
    as_user(client, request.getfixturevalue(persona))
    for name, url in pages(dossier).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert SECRET in content(response), name
        assert OPEN in content(response), name
    assert JournalEntry.objects.for_user(request.getfixturevalue(persona)).count() == 2


def test_other_generalist_of_the_team_reads_only_the_open_entry(client, dossier, entries, colleague_a):
    as_user(client, colleague_a)
    for name, url in pages(dossier).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert OPEN in content(response), name
        assert SECRET not in content(response), name
    secret = entries[1]
    assert client.get(reverse("journal:correct", args=[dossier.pk, secret.pk])).status_code == 404
    assert list(JournalEntry.objects.for_user(colleague_a)) == [entries[0]]


def test_a_searched_word_of_a_confidential_entry_finds_nothing_for_others(client, dossier, entries, colleague_a):
    as_user(client, colleague_a)
    response = client.get(reverse("journal:list", args=[dossier.pk]), {"q": "veiligheid"})
    assert response.context["page"].paginator.count == 0


def test_a_lead_worker_no_longer_lead_loses_the_confidential_entry(dossier, entries, lead_a, colleague_a):
    dossier.lead_worker = colleague_a
    dossier.save()
    assert entries[1] not in JournalEntry.objects.for_user(lead_a)
    assert entries[1] in JournalEntry.objects.for_user(colleague_a)


@pytest.mark.parametrize("persona", ["generalist_b", "beleid", "beheer"])
def test_other_team_policy_and_administrator_get_no_journal(client, request, dossier, entries, persona):
    user = request.getfixturevalue(persona)
    as_user(client, user)
    for name, url in pages(dossier).items():
        response = client.get(url)
        assert response.status_code == 404, name
    assert not JournalEntry.objects.for_user(user).exists()


def test_api_token_reaches_no_journal_page_and_the_api_has_no_entry_text(client, dossier, entries, api_token):
    from reporting.compute import compute_periods
    from reporting.periods import Period

    for url in pages(dossier).values():
        response = client.get(url, HTTP_AUTHORIZATION=f"Token {api_token}")
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    quarter = Period.quarter_of(entries[0].written_on)
    compute_periods([quarter])
    response = client.get(reverse("api-indicators"), {"period": quarter.code, "indicator": "contact_moments"},
                          HTTP_AUTHORIZATION=f"Token {api_token}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "contact_moments" in body
    assert SECRET not in body and OPEN not in body


def test_admin_shows_no_entry_text(client, dossier, entries, beheer):
    as_user(client, beheer)
    listing = client.get(reverse("admin:journal_journalentry_changelist"))
    assert listing.status_code == 200
    detail = client.get(reverse("admin:journal_journalentry_change", args=[entries[1].pk]))
    assert detail.status_code == 200
    for response in (listing, detail):
        assert SECRET not in response.content.decode() and OPEN not in response.content.decode()
    searched = client.get(reverse("admin:journal_journalentry_changelist"), {"q": "GEHEIMTEKST"})
    assert searched.context["cl"].result_count == 0  # the admin does not search the text
