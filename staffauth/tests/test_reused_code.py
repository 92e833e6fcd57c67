"""A staff code used a moment ago (django-otp accepts each code once) is reported as used,
not as "not right": the user waits for the next one instead of retyping the same digits."""

import pytest
from django.core.exceptions import ValidationError
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import totp_code
from staffauth import services


def test_a_reused_code_says_it_was_used_and_a_wrong_one_says_not_right(generalist_a):
    device = TOTPDevice.objects.create(user=generalist_a, name="authenticator-app", confirmed=True)
    code = totp_code(device)
    assert services.verify(generalist_a, code) == device
    with pytest.raises(ValidationError) as reused:
        services.verify(generalist_a, code)
    assert "used" in " ".join(reused.value.message_dict["code"]) or "gebruikt" in " ".join(
        reused.value.message_dict["code"])
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()
    wrong = "000000" if code != "000000" else "111111"
    with pytest.raises(ValidationError) as refused:
        services.verify(generalist_a, wrong)
    assert "used" not in " ".join(refused.value.message_dict["code"])
