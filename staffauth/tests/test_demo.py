"""The demo (``make run``) stays usable: demo accounts get an app with the printed key,
``demo_code`` prints its current code; neither with DEBUG off."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import as_user
from staffauth import demo


def test_demo_accounts_log_in_with_the_printed_key(client, generalist_a, settings):
    settings.DEBUG = True
    demo.give_demo_devices([generalist_a])
    demo.give_demo_devices([generalist_a])  # once
    device = TOTPDevice.objects.get(user=generalist_a)
    assert device.key == demo.demo_key() and device.confirmed
    assert any(demo.DEMO_SECRET in line for line in demo.login_lines())
    out = io.StringIO()
    call_command("demo_code", stdout=out)
    code = out.getvalue().strip()
    assert code == f"{totp(bytes.fromhex(demo.demo_key())):06d}"
    as_user(client, generalist_a, second_factor=False)
    assert client.post(reverse("staffauth:verify"), {"code": code}).status_code == 302
    assert client.get(reverse("work:my_work")).status_code == 200


def test_not_with_debug_off(generalist_a, settings):
    settings.DEBUG = False
    demo.give_demo_devices([generalist_a])
    assert not TOTPDevice.objects.filter(user=generalist_a).exists()
    assert all(demo.DEMO_SECRET not in line for line in demo.login_lines())
    with pytest.raises(CommandError):
        call_command("demo_code")
