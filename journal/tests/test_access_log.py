"""Every read of an entry's text is in the access log, naming the entries."""

from django.urls import reverse

from cases.models import AccessAction, AccessLogEntry
from conftest import as_user


def journal_lines(user):
    return AccessLogEntry.objects.filter(user=user, detail__startswith="journal")


def test_the_journal_page_logs_the_entries_it_shows(client, dossier, entries, colleague_a, coach_a):
    as_user(client, coach_a)
    client.get(reverse("journal:list", args=[dossier.pk]))
    lines = list(journal_lines(coach_a))
    members = {m.client_id for m in dossier.members.all()}
    assert {line.client_id for line in lines} == members and len(lines) == len(members)  # one per person
    line = lines[0]
    assert line.action == AccessAction.VIEW and line.dossier_id == dossier.pk
    assert set(line.detail.split(": ")[1].split(",")) == {str(e.pk) for e in entries}
    as_user(client, colleague_a)
    client.get(reverse("journal:list", args=[dossier.pk]))
    assert {line.detail for line in journal_lines(colleague_a)} == {f"journal: {entries[0].pk}"}


def test_search_export_dossier_page_and_correction_page_are_logged(client, dossier, entries, generalist_a):
    as_user(client, generalist_a)
    client.get(reverse("journal:list", args=[dossier.pk]), {"q": "huur"})
    assert AccessLogEntry.objects.filter(user=generalist_a, action=AccessAction.SEARCH,
                                         detail__contains="huur").exists()
    client.get(reverse("journal:export", args=[dossier.pk]))
    assert journal_lines(generalist_a).filter(action=AccessAction.EXPORT).exists()
    before = journal_lines(generalist_a).filter(action=AccessAction.VIEW).count()
    client.get(reverse("cases:dossier", args=[dossier.pk]))
    client.get(reverse("journal:correct", args=[dossier.pk, entries[0].pk]))
    members = dossier.members.count()
    assert journal_lines(generalist_a).filter(action=AccessAction.VIEW).count() == before + 2 * members


def test_a_page_without_entries_logs_no_journal_read(client, dossier, generalist_a):
    as_user(client, generalist_a)
    client.get(reverse("journal:list", args=[dossier.pk]))
    assert not journal_lines(generalist_a).filter(detail__regex=r"^journal: [0-9]").exists()
