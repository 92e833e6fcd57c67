"""Granting access in the admin: every change of memberships is in the access log (who
gave whom which access), and nobody grants themselves access to personal data."""

import pytest
from django.urls import reverse

from cases.factories import UserFactory, user_with_role
from cases.models import AccessLogEntry, Membership, Role
from conftest import as_user


def change_user(client, user, rows, existing=()):
    """POST the admin's user change form with membership rows [(pk or "", role, team pk or "", delete)]."""
    data = {
        "username": user.username, "first_name": user.first_name, "last_name": user.last_name,
        "email": user.email, "is_active": "on",
        "memberships-TOTAL_FORMS": str(len(rows)), "memberships-INITIAL_FORMS": str(len(existing)),
        "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
    }
    for i, (pk, role, team, delete) in enumerate(rows):
        data.update({f"memberships-{i}-id": pk, f"memberships-{i}-user": user.pk, f"memberships-{i}-role": role,
                     f"memberships-{i}-team": team})
        if delete:
            data[f"memberships-{i}-DELETE"] = "on"
    return client.post(reverse("admin:auth_user_change", args=[user.pk]), data)


def test_beheer_cannot_grant_itself_a_team_role(client, beheer, team_a):
    own = beheer.memberships.get()
    as_user(client, beheer)
    response = change_user(client, beheer, [(own.pk, Role.BEHEER, "", False), ("", Role.GENERALIST, team_a.pk, False)],
                           existing=[own])
    assert response.status_code == 200
    assert "U kunt uzelf geen rol met toegang tot persoonsgegevens geven" in response.content.decode()
    assert not Membership.objects.filter(user=beheer, role=Role.GENERALIST).exists()
    assert client.get(reverse("cases:team_dossiers", args=[team_a.code])).status_code == 404


def test_the_service_refuses_a_self_grant_too(rf, beheer, team_a):
    from django.core.exceptions import ValidationError

    from cases import memberships

    request = rf.post("/beheer/")
    request.user = beheer
    with pytest.raises(ValidationError) as excinfo:
        memberships.save_membership(request, Membership(user=beheer, team=team_a, role=Role.TEAMCOACH))
    assert "role" in excinfo.value.message_dict
    assert not Membership.objects.filter(user=beheer, team=team_a).exists()


def test_grants_changes_and_withdrawals_are_in_the_access_log(client, beheer, team_a, team_b):
    colleague = UserFactory(username="sanne")
    as_user(client, beheer)
    response = change_user(client, colleague, [("", Role.GENERALIST, team_a.pk, False)])
    assert response.status_code == 302
    granted = Membership.objects.get(user=colleague)
    entry = AccessLogEntry.objects.get()
    assert entry.user == beheer and entry.action == "change"
    assert "sanne" in entry.detail and "Generalist" in entry.detail and team_a.name in entry.detail

    change_user(client, colleague, [(granted.pk, Role.GENERALIST, team_b.pk, False)], existing=[granted])
    details = list(AccessLogEntry.objects.order_by("id").values_list("detail", flat=True))[1:]
    assert len(details) == 2 and team_a.name in details[0] and team_b.name in details[1]

    change_user(client, colleague, [(granted.pk, Role.GENERALIST, team_b.pk, True)], existing=[granted])
    assert not Membership.objects.filter(user=colleague).exists()
    last = AccessLogEntry.objects.order_by("-id").first()
    assert "sanne" in last.detail and team_b.name in last.detail


def test_another_administrator_may_grant_it(client, beheer, team_a):
    other_admin = user_with_role(Role.BEHEER, None, username="beheer-2")
    as_user(client, other_admin)
    own = beheer.memberships.get()
    response = change_user(client, beheer, [(own.pk, Role.BEHEER, "", False), ("", Role.GENERALIST, team_a.pk, False)],
                           existing=[own])
    assert response.status_code == 302
    assert Membership.objects.filter(user=beheer, role=Role.GENERALIST, team=team_a).exists()
