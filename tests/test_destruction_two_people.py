"""Destruction needs two functional administrators (issue 17, docs/adr/0110): one proposes,
a different one approves; nobody else reaches the pages; a withdrawn list destroys nothing
and a dossier reopened meanwhile is left out."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases import retention
from cases.factories import settled_beheer
from cases.models import Client, DestructionList, DestructionStatus, Dossier
from cases.services import reopen_dossier
from conftest import as_user
from tests.retention_world import RetentionWorld


@pytest.fixture
def world(team_a, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.RETENTION_YEARS = 15
    return RetentionWorld(team_a, tmp_path=tmp_path)


@pytest.fixture
def second(db):
    return settled_beheer("beheer-2")


def test_the_proposer_cannot_approve(client, world, beheer):
    as_user(client, beheer)
    response = client.post(reverse("cases:retention"), {"kind": "dossier"})
    destruction = DestructionList.objects.get()
    assert response.status_code == 302 and response.url == reverse("cases:destruction", args=[destruction.pk])
    html = client.get(response.url).content.decode()
    assert "Goedkeuren en vernietigen" not in html and "een tweede functioneel beheerder" in html

    response = client.post(response.url, {"decision": "approve"})
    assert response.status_code == 400
    assert "Een tweede functioneel beheerder moet goedkeuren" in response.content.decode()
    destruction.refresh_from_db()
    assert destruction.status == DestructionStatus.PROPOSED
    assert Dossier.objects.filter(pk=world.old.pk).exists()
    with pytest.raises(ValidationError):
        retention.destroy(destruction.pk, user=beheer)


def test_a_second_administrator_approves_and_it_is_destroyed(client, world, beheer, second,
                                                            django_capture_on_commit_callbacks):
    destruction = retention.propose(user=beheer)
    as_user(client, second)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cases:destruction", args=[destruction.pk]),
                               {"decision": "approve", "confirmed": "yes"})
    assert response.status_code == 302
    destruction.refresh_from_db()
    assert (destruction.status, destruction.decided_by) == (DestructionStatus.DESTROYED, second)
    assert not Dossier.objects.filter(pk=world.old.pk).exists()
    html = client.get(reverse("cases:destruction", args=[destruction.pk])).content.decode()
    assert "vernietigd" in html and "Journaalregels: 3" in html
    # Once destroyed, nothing more can be decided.
    with pytest.raises(ValidationError):
        retention.withdraw(destruction.pk, user=beheer)


def test_nobody_else_reaches_the_pages(client, world, beheer, generalist_a, coach_a, beleid):
    destruction = retention.propose(user=beheer)
    urls = [reverse("cases:retention"), reverse("cases:destruction", args=[destruction.pk])]
    for user in (generalist_a, coach_a, beleid, world.worker):
        as_user(client, user)
        for url in urls:
            assert client.get(url).status_code == 403
            assert client.post(url, {"decision": "approve", "kind": "dossier"}).status_code == 403
    with pytest.raises(ValidationError):
        retention.destroy(destruction.pk, user=generalist_a)
    with pytest.raises(ValidationError):
        retention.propose(user=coach_a)
    client.logout()
    assert client.get(urls[0]).status_code == 302  # to the login
    assert DestructionList.objects.get().status == DestructionStatus.PROPOSED
    assert Dossier.objects.filter(pk=world.old.pk).exists()


def test_a_withdrawn_list_destroys_nothing_and_the_dossier_is_due_again(client, world, beheer):
    destruction = retention.propose(user=beheer)
    assert list(retention.due()) == []  # on a proposed list: not proposed twice
    with pytest.raises(ValidationError):
        retention.propose(user=beheer)
    as_user(client, beheer)
    assert client.post(reverse("cases:destruction", args=[destruction.pk]),
                       {"decision": "withdraw"}).status_code == 302
    destruction.refresh_from_db()
    assert destruction.status == DestructionStatus.WITHDRAWN and not destruction.items.exists()
    assert list(retention.due()) == [world.old]
    assert Client.objects.filter(pk=world.old_clients[0].pk).exists()


def test_a_dossier_reopened_after_the_proposal_is_left_out(world, beheer, second, coach_a):
    destruction = retention.propose(user=beheer)
    reopen_dossier(Dossier.objects.get(pk=world.old.pk), user=coach_a, reason="Toch nog hulp nodig")
    destroyed = retention.destroy(destruction.pk, user=second)
    assert destroyed.dossier_count == 0 and destroyed.client_count == 0
    assert Dossier.objects.filter(pk=world.old.pk).exists()
