"""NEN 7513-style access log: every view, create, change and export of personal data."""

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse

from cases.factories import household
from cases.models import AccessLogEntry
from conftest import as_user


@pytest.fixture
def dossier_a(team_a):
    return household(team_a, members=2)


def test_viewing_a_dossier_logs_every_member_with_address(client, generalist_a, dossier_a):
    as_user(client, generalist_a)
    client.get(reverse("cases:dossier", args=[dossier_a.pk]), REMOTE_ADDR="10.1.2.3")
    entries = AccessLogEntry.objects.filter(dossier=dossier_a, action="view")
    assert {e.client_id for e in entries} == set(dossier_a.members.values_list("client_id", flat=True))
    assert {(e.user_id, e.remote_addr) for e in entries} == {(generalist_a.pk, "10.1.2.3")}


def test_viewing_and_changing_a_client_is_logged(client, generalist_a, dossier_a):
    person = dossier_a.members.first().client
    as_user(client, generalist_a)
    client.get(reverse("cases:client", args=[person.pk]))
    data = {"family_name": "Nieuwenhuis", "given_name": person.given_name, "bsn": person.bsn,
            "birth_date": person.birth_date.isoformat(), "gender": "v", "postcode": "3511AB"}
    response = client.post(reverse("cases:client_edit", args=[person.pk]), data)
    assert response.status_code == 302
    assert list(AccessLogEntry.objects.filter(client=person).order_by("id").values_list("action", flat=True)) == [
        "view", "change"
    ]


def test_registration_and_lifecycle_changes_are_logged(client, generalist_a, team_a):
    as_user(client, generalist_a)
    response = client.post(reverse("cases:register"), {
        "team": team_a.pk, "registered_on": "2024-03-01", "client-family_name": "Bakker",
    })
    assert response.status_code == 302
    entry = AccessLogEntry.objects.get(action="create")
    assert entry.client.family_name == "Bakker" and entry.dossier is not None
    client.post(reverse("cases:start_support", args=[entry.dossier_id]), {"support_started_on": "2024-03-04"})
    assert AccessLogEntry.objects.filter(action="change", dossier_id=entry.dossier_id).count() == 1


def test_searching_is_logged_with_the_query(client, generalist_a, team_a):
    as_user(client, generalist_a)
    client.get(reverse("cases:team_dossiers", args=[team_a.code]), {"q": "Jansen"})
    assert AccessLogEntry.objects.get(action="search").detail.endswith("Jansen")


def test_the_log_is_append_only_in_the_database(generalist_a, dossier_a):
    entry = AccessLogEntry.objects.create(user=generalist_a, action="view", dossier=dossier_a)
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).update(action="change")
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    assert AccessLogEntry.objects.get(pk=entry.pk).action == "view"


def test_administrator_reads_and_exports_per_client(client, generalist_a, beheer, dossier_a):
    person = dossier_a.members.first().client
    as_user(client, generalist_a)
    client.get(reverse("cases:dossier", args=[dossier_a.pk]))
    as_user(client, beheer)
    page = client.get(reverse("cases:access_log"), {"client": person.bsn})
    assert [e.client_id for e in page.context["page"]] == [person.pk]
    export = client.get(reverse("cases:access_log_export", args=[person.pk]))
    assert export["Content-Type"].startswith("text/csv")
    lines = export.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("tijdstip;medewerker;actie")  # Dutch Excel (cases.spreadsheet.dutch_csv)
    assert ";bekeken;" in lines[1]  # the action in Dutch, not its code (defect 11)
    assert AccessLogEntry.objects.filter(user=beheer, action="export", client=person).exists()
