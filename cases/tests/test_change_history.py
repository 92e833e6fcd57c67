"""Change history (NEN 7513, docs/adr/0101): every change of a client, dossier, household
member and staff membership keeps who, when, the old and the new value; the team reads it
on the dossier and client pages; nobody can change or remove it."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.utils import DatabaseError
from django.urls import NoReverseMatch, reverse

from cases import history, services
from cases.factories import ClientFactory, household, user_with_role
from cases.history import ChangeRecord
from cases.models import DossierMember, Membership, Role
from conftest import as_user

pytestmark = pytest.mark.django_db


def latest(model: str, object_id: int) -> ChangeRecord:
    return ChangeRecord.objects.filter(model=model, object_id=object_id).order_by("-id").first()


def test_client_change_through_the_page_keeps_who_old_and_new(client, generalist_a, team_a):
    dossier = household(team_a)
    person = dossier.members.get().client
    old_name = person.family_name
    as_user(client, generalist_a)
    data = {"given_name": person.given_name, "family_name": "Bakker", "bsn": person.bsn,
            "birth_date": person.birth_date.isoformat() if person.birth_date else "", "gender": person.gender,
            "postcode": person.postcode, "address": person.address, "phone": person.phone, "email": person.email}
    assert client.post(reverse("cases:client_edit", args=[person.pk]), data).status_code == 302
    record = latest("cases.client", person.pk)
    assert (record.action, record.user, record.client_id, record.dossier_id) == ("changed", generalist_a, person.pk,
                                                                                  None)
    assert record.changes == {"family_name": [old_name, "Bakker"]}
    assert record.at is not None


def test_nothing_changed_records_nothing(team_a):
    person = household(team_a).members.get().client
    before = ChangeRecord.objects.count()
    services.save_client(type(person).objects.get(pk=person.pk))
    assert ChangeRecord.objects.count() == before


def test_dossier_details_and_workers(team_a, generalist_a, coach_a):
    dossier = household(team_a, registered_on=dt.date(2026, 1, 5))
    with history.acting(generalist_a):
        services.update_details(dossier, user=generalist_a, registered_on=dt.date(2026, 1, 2),
                                request_summary="Hulp bij post", workers=[coach_a])
    record = ChangeRecord.objects.get(model="cases.dossier", object_id=dossier.pk, changes__has_key="registered_on",
                                    action="changed")
    assert record.user == generalist_a and record.dossier_id == dossier.pk
    assert record.changes["registered_on"] == ["2026-01-05", "2026-01-02"]
    assert record.changes["request_summary"][1] == "Hulp bij post"
    workers = ChangeRecord.objects.filter(model="cases.dossier", object_id=dossier.pk, changes__has_key="workers")
    assert [r.changes["workers"] for r in workers] == [[None, [coach_a.pk]]]


def test_lead_worker_reassigned_in_bulk_is_recorded(team_a, generalist_a, coach_a):
    dossiers = [household(team_a, lead_worker=coach_a) for _ in range(2)]
    with history.acting(coach_a):
        services.reassign_lead_worker(dossiers, user=coach_a, lead_worker=generalist_a)
    for dossier in dossiers:
        record = latest("cases.dossier", dossier.pk)
        assert record.user == coach_a and record.changes == {"lead_worker_id": [coach_a.pk, generalist_a.pk]}


def test_members_added_and_removed(team_a, generalist_a):
    dossier = household(team_a)
    newcomer = ClientFactory()
    with history.acting(generalist_a):
        member = services.add_member(dossier, user=generalist_a, client=newcomer, role="kind")
        services.remove_member(dossier, user=generalist_a, member=member)
    added, removed = ChangeRecord.objects.filter(model="cases.dossiermember", object_id=member.pk).order_by("id")
    assert (added.action, added.changes["role"], added.dossier_id, added.client_id) == (
        "created", [None, "kind"], dossier.pk, newcomer.pk)
    assert (removed.action, removed.user, removed.changes["role"]) == ("removed", generalist_a, ["kind", None])
    assert not DossierMember.objects.filter(pk=member.pk).exists()


def test_staff_membership_changes(team_a, team_b, beheer):
    worker = user_with_role(Role.GENERALIST, team_a, username="nieuw")
    membership = Membership.objects.get(user=worker)
    with history.acting(beheer):
        membership.team = team_b
        membership.save()
        history.removed(membership)  # as cases.memberships.withdraw_membership does
        membership.delete()
    changed, removed = ChangeRecord.objects.filter(model="cases.membership", user=beheer).order_by("id")
    assert (changed.action, changed.changes) == ("changed", {"team_id": [team_a.pk, team_b.pk]})
    assert (removed.action, removed.changes["team_id"]) == ("removed", [team_b.pk, None])


def test_the_model_refuses_changes_and_removal(team_a):
    household(team_a)
    record = ChangeRecord.objects.first()
    record.changes = {}
    with pytest.raises(PermissionError):
        record.save()
    with pytest.raises(PermissionError):
        record.delete()


def test_the_database_refuses_updates_and_deletes(team_a):
    household(team_a)
    for statement in ("UPDATE cases_changerecord SET changes = '{}'", "DELETE FROM cases_changerecord"):
        with pytest.raises((DatabaseError, IntegrityError)), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert ChangeRecord.objects.exists()


def test_erase_removes_a_destroyed_dossiers_history_only_during_destruction(team_a):
    from cases.factories import destruction_list
    from cases.models import DestructionList

    gone, stays = household(team_a), household(team_a)
    gone_client = gone.members.get().client_id
    with pytest.raises((DatabaseError, IntegrityError)), transaction.atomic():
        history.erase([gone.pk], [gone_client])  # no destruction under way: refused
    destruction = destruction_list(gone)
    DestructionList.objects.filter(pk=destruction.pk).update(status="bezig")
    removed = history.erase([gone.pk], [gone_client])
    assert removed["cases.ChangeRecord"] > 0
    assert not ChangeRecord.objects.filter(dossier_id=gone.pk).exists()
    assert not ChangeRecord.objects.filter(client_id=gone_client).exists()
    assert ChangeRecord.objects.filter(dossier_id=stays.pk).exists()


def test_no_url_changes_a_record():
    for name in ("change_history_edit", "history_edit", "dossier_history_edit"):
        with pytest.raises(NoReverseMatch):
            reverse(f"cases:{name}", args=[1])


def test_admin_is_read_only(client, beheer, team_a, generalist_a):
    household(team_a)
    with history.acting(beheer):
        Membership.objects.create(user=generalist_a, team=team_a, role=Role.TEAMCOACH)
    as_user(client, beheer)
    listing = client.get(reverse("admin:cases_changerecord_changelist"))
    assert listing.status_code == 200
    record = ChangeRecord.objects.filter(model="cases.membership").last()
    page = client.get(reverse("admin:cases_changerecord_change", args=[record.pk]))
    assert page.status_code == 200 and b'name="_save"' not in page.content  # no save button
    assert client.post(reverse("admin:cases_changerecord_change", args=[record.pk]), {}).status_code == 403
    assert client.get(reverse("admin:cases_changerecord_add")).status_code == 403
    assert client.post(reverse("admin:cases_changerecord_delete", args=[record.pk]), {"post": "yes"}).status_code == 403
    assert ChangeRecord.objects.filter(pk=record.pk).exists()
    # clients' and dossiers' changes are not in the admin (personal data, shown to the team only)
    person_record = ChangeRecord.objects.filter(client__isnull=False).first()
    assert client.get(reverse("admin:cases_changerecord_change", args=[person_record.pk])).status_code == 302


def test_pages_show_the_history_to_the_team_only(client, generalist_a, generalist_b, team_a):
    dossier = household(team_a)
    person = dossier.members.get().client
    with history.acting(generalist_a):
        services.update_details(dossier, user=generalist_a, request_summary="Schulden")
    as_user(client, generalist_a)
    html = client.get(dossier.get_absolute_url()).content.decode()
    assert "Wijzigingsgeschiedenis" in html and "Hulpvraag" in html  # which field changed
    full = client.get(reverse("cases:dossier_history", args=[dossier.pk])).content.decode()
    assert "Schulden" in full and "Oude waarde" in full and "Nieuwe waarde" in full
    assert "generalist-a" in full or generalist_a.get_full_name() in full
    client_page = client.get(reverse("cases:client", args=[person.pk])).content.decode()
    assert "Wijzigingsgeschiedenis" in client_page
    assert client.get(reverse("cases:client_history", args=[person.pk])).status_code == 200
    as_user(client, generalist_b)
    assert client.get(reverse("cases:dossier_history", args=[dossier.pk])).status_code == 404
    assert client.get(reverse("cases:client_history", args=[person.pk])).status_code == 404


def test_history_pages_cost_the_same_queries_however_many_changes(client, generalist_a, team_a):
    from django.test.utils import CaptureQueriesContext

    dossier = household(team_a)
    person = dossier.members.get().client
    as_user(client, generalist_a)
    urls = [reverse("cases:dossier_history", args=[dossier.pk]), reverse("cases:client_history", args=[person.pk]),
            dossier.get_absolute_url(), reverse("cases:client", args=[person.pk])]

    def queries() -> list[int]:
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            counts.append(len(context.captured_queries))
        return counts

    with history.acting(generalist_a):
        services.update_details(dossier, user=generalist_a, request_summary="Eerste versie")
        person.phone = "0612345678"
        services.save_client(person)
    few = queries()
    with history.acting(generalist_a):
        for n in range(30):
            services.update_details(dossier, user=generalist_a, request_summary=f"Versie {n}")
            person.phone = f"06123456{n:02d}"
            services.save_client(person)
    assert queries() == few
