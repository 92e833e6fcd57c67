"""Functional administrators reset a staff member's second factor (lost phone): one asks, a
second confirms (four eyes, docs/adr/0190); both steps logged."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.factories import user_with_role
from cases.models import AccessLogEntry, Role
from conftest import as_user
from staffauth.models import DeviceReset
from staffauth.services import new_recovery_codes


@pytest.fixture
def second_beheer(db):
    return user_with_role(Role.BEHEER, None, username="beheer-2")


def test_one_administrator_cannot_reset_alone(client, beheer, generalist_a):
    """The attack: reset another worker's second factor alone (to log in as them)."""
    as_user(client, generalist_a)  # the worker has an authenticator app
    as_user(client, beheer)
    client.post(reverse("staffauth:reset", args=[generalist_a.pk]))
    reset = DeviceReset.objects.get(user=generalist_a)
    assert client.post(reverse("staffauth:confirm_reset", args=[reset.pk])).status_code == 403
    assert TOTPDevice.objects.filter(user=generalist_a).exists()
    reset.refresh_from_db()
    assert reset.confirmed_at is None


def test_beheer_sees_who_set_up_an_app_and_resets_one(client, beheer, second_beheer, generalist_a, coach_a,
                                                      django_user_model):
    worker = django_user_model.objects.get(pk=generalist_a.pk)
    as_user(client, worker)  # generalist_a has an app
    new_recovery_codes(worker)
    client.logout()
    as_user(client, beheer)
    page = client.get(reverse("staffauth:staff_devices"))
    rows = {p.username: p.has_app for p in page.context["staff"]}
    assert rows == {"beheer": True, "beheer-2": False, "coach-a": False, "generalist-a": True}
    client.post(reverse("staffauth:reset", args=[worker.pk]))
    assert TOTPDevice.objects.filter(user=worker).exists()  # nothing removed by one person
    reset = DeviceReset.objects.get(user=worker)
    as_user(client, second_beheer)
    client.post(reverse("staffauth:confirm_reset", args=[reset.pk]))
    assert not TOTPDevice.objects.filter(user=worker).exists()
    assert not StaticDevice.objects.filter(user=worker).exists()
    entry = AccessLogEntry.objects.get(user=second_beheer)
    assert entry.action == "change" and entry.client_id is None
    assert entry.detail == "Tweestapsverificatie van generalist-a opnieuw ingesteld (2 middelen verwijderd)"
    assert entry.path == reverse("staffauth:confirm_reset", args=[reset.pk])
    assert AccessLogEntry.objects.filter(user=beheer, detail__contains="generalist-a").exists()


def test_after_a_reset_the_next_login_enrols_again(client, beheer, second_beheer, generalist_a):
    as_user(client, generalist_a)
    worker_session = client.session.session_key
    from django.test import Client

    admin = as_user(Client(), beheer)
    admin.post(reverse("staffauth:reset", args=[generalist_a.pk]))
    second = as_user(Client(), second_beheer)
    second.post(reverse("staffauth:confirm_reset", args=[DeviceReset.objects.get().pk]))
    client.cookies["sessionid"] = worker_session
    response = client.get(reverse("work:my_work"))
    assert response["Location"].startswith(reverse("staffauth:enrol"))  # the open session lost its factor


def test_only_beheer_resets(client, generalist_a, coach_a, beleid):
    as_user(client, generalist_a)
    for persona in (coach_a, beleid):
        as_user(client, persona)
        assert client.get(reverse("staffauth:staff_devices")).status_code == 403
        assert client.post(reverse("staffauth:reset", args=[generalist_a.pk])).status_code == 403
    assert TOTPDevice.objects.filter(user=generalist_a).exists()
    assert not AccessLogEntry.objects.exists()


def test_reset_is_a_post(client, beheer, generalist_a):
    as_user(client, beheer)
    assert client.get(reverse("staffauth:reset", args=[generalist_a.pk])).status_code == 405
    assert client.post(reverse("staffauth:reset", args=[987654])).status_code == 404


def test_the_reset_page_is_linked_from_functional_administration_and_own_settings_from_the_menu(client, beheer):
    as_user(client, beheer)
    page = client.get(reverse("beheer_home")).content.decode()
    assert f'href="{reverse("staffauth:staff_devices")}"' in page
    assert f'href="{reverse("staffauth:settings")}"' in page
