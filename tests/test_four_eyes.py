"""Issue 26, items 1 and 2: one functional administrator alone can neither approve their own
destruction list through a second account they make, nor give anyone (themselves through a
new account included) access to personal data. Every grant waits for a second person and is
in the access log (docs/adr/0190)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.urls import reverse

from cases import memberships, retention
from cases.factories import settled_beheer, user_with_role
from cases.models import AccessLogEntry, DestructionStatus, Dossier, Membership, Role
from cases.permissions import roles
from conftest import as_user
from tests.retention_world import RetentionWorld


@pytest.fixture
def world(team_a, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.RETENTION_YEARS = 15
    return RetentionWorld(team_a, tmp_path=tmp_path)


def _as(user):
    request = RequestFactory().post("/beheer/auth/user/")
    request.user = user
    return request


def _grant(by, user, role, team=None) -> Membership:
    return memberships.save_membership(_as(by), Membership(user=user, team=team, role=role))


def _fresh(by, username, role, team=None):
    user = get_user_model().objects.create_user(username=username, password="een lang wachtwoord 123")
    return user, _grant(by, user, role, team)


def test_a_second_account_made_by_the_proposer_cannot_approve(world, beheer):
    """The attack: propose, make a second beheer account, approve as it."""
    destruction = retention.propose(user=beheer)
    accomplice, membership = _fresh(beheer, "beheer-stroman", Role.BEHEER)
    assert membership.confirmed_at is None and not roles(accomplice).beheer
    with pytest.raises(ValidationError):
        retention.destroy(destruction.pk, user=accomplice)
    with pytest.raises(PermissionDenied):  # nor can the proposer confirm their own grant
        memberships.confirm_membership(_as(beheer), membership.pk)

    # Even confirmed by an honest second administrator, a role granted by the proposer and
    # newer than the list (and the cooling-off period) does not approve.
    memberships.confirm_membership(_as(settled_beheer("beheer-eerlijk")), membership.pk)
    accomplice = get_user_model().objects.get(pk=accomplice.pk)
    assert roles(accomplice).beheer
    with pytest.raises(ValidationError):
        retention.destroy(destruction.pk, user=accomplice)
    assert Dossier.objects.filter(pk=world.old.pk).exists()


def test_a_role_inside_the_cooling_off_period_cannot_approve(world, beheer, settings):
    destruction = retention.propose(user=beheer)
    recent = settled_beheer("beheer-nieuw", days=settings.FOUR_EYES_COOLING_OFF_DAYS - 1)
    with pytest.raises(ValidationError):
        retention.destroy(destruction.pk, user=recent)
    settled = settled_beheer("beheer-lang", days=settings.FOUR_EYES_COOLING_OFF_DAYS + 1)
    assert retention.destroy(destruction.pk, user=settled).status == DestructionStatus.DESTROYED


def test_beheer_cannot_give_a_new_worker_access_alone(client, team_a, beheer, coach_a, world):
    worker, membership = _fresh(beheer, "nieuwe-generalist", Role.GENERALIST, team_a)
    assert roles(worker).team_ids == frozenset()
    as_user(client, worker)
    assert client.get(reverse("cases:dossier", args=[world.old.pk])).status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        memberships.confirm_membership(_as(beheer), membership.pk)
    with pytest.raises(PermissionDenied):
        memberships.confirm_membership(_as(worker), membership.pk)

    as_user(client, coach_a)  # the team's coach confirms on the page
    assert "nieuwe-generalist" in client.get(reverse("cases:access_confirm")).content.decode()
    client.post(reverse("cases:access_confirm_one", args=[membership.pk]))
    membership.refresh_from_db()
    assert membership.confirmed_by == coach_a
    assert team_a.pk in roles(get_user_model().objects.get(pk=worker.pk)).team_ids


def test_a_beheer_grant_needs_another_beheer(beheer, coach_a, team_a):
    _user, membership = _fresh(beheer, "beheer-3", Role.BEHEER)
    with pytest.raises(PermissionDenied):
        memberships.confirm_membership(_as(coach_a), membership.pk)
    memberships.confirm_membership(_as(user_with_role(Role.BEHEER, None, username="beheer-4")), membership.pk)


def test_every_grant_and_confirmation_is_in_the_access_log(beheer, team_a, coach_a):
    _worker, membership = _fresh(beheer, "gen-log", Role.GENERALIST, team_a)
    memberships.confirm_membership(_as(coach_a), membership.pk)
    details = list(AccessLogEntry.objects.order_by("id").values_list("user__username", "detail"))
    assert any(user == "beheer" and "gen-log" in detail for user, detail in details)
    assert any(user == coach_a.username and "gen-log" in detail for user, detail in details)
