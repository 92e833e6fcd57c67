"""The second step at every later login: the app's code, or a recovery code (once each);
wrong codes are throttled; the password step keeps its own throttling (django-axes)."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import as_user, totp_code
from staffauth.services import new_recovery_codes

VERIFY = reverse("staffauth:verify")
RECOVERY = reverse("staffauth:recovery")
PASSWORD = "correct horse battery staple"  # UserFactory's password
WRONG = "Deze code klopt niet. Vul de 6 cijfers in die uw app nu laat zien."
WRONG_RECOVERY = "Deze herstelcode klopt niet of is al gebruikt."


@pytest.fixture
def enrolled(client, generalist_a):
    """generalist_a with an app, logged in with the password only."""
    as_user(client, generalist_a)
    client.logout()
    as_user(client, generalist_a, second_factor=False)
    return TOTPDevice.objects.get(user=generalist_a)


def test_the_app_code_opens_the_page_asked_for(client, enrolled):
    target = reverse("cases:my_dossiers")
    response = client.get(target)
    assert response["Location"] == f"{VERIFY}?{urlencode({'next': target})}"
    page = client.get(response["Location"])
    assert "Tweestapsverificatie" in page.content.decode() and "<nav" not in page.content.decode()
    response = client.post(VERIFY, {"code": totp_code(enrolled), "next": target})
    assert response.status_code == 302 and response["Location"] == target
    assert client.get(target).status_code == 200


def test_a_code_is_used_once(client, enrolled, generalist_a):
    code = totp_code(enrolled)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.logout()
    as_user(client, generalist_a, second_factor=False)
    TOTPDevice.objects.filter(pk=enrolled.pk).update(throttling_failure_count=0)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200 and "al gebruikt" in response.context["form"].errors["code"][0]


def test_a_wrong_code_is_refused_in_dutch_next_to_the_field(client, enrolled):
    wrong = f"{(int(totp_code(enrolled)) + 500_000) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors["code"] == [WRONG]
    text = response.content.decode()
    assert 'id="id_code_errors"' in text and WRONG in text and 'value="' + wrong + '"' in text
    assert client.get(reverse("cases:my_dossiers")).status_code == 302  # still not verified


def test_wrong_codes_are_throttled_even_the_right_one_waits(client, enrolled):
    wrong = f"{(int(totp_code(enrolled)) + 500_000) % 1_000_000:06d}"
    client.post(VERIFY, {"code": wrong})
    response = client.post(VERIFY, {"code": totp_code(enrolled)})  # within the 1-second wait
    error = response.context["form"].errors["code"][0]
    assert error.startswith("Te veel verkeerde codes. Probeer het over ") and error.endswith(" seconden opnieuw.")
    enrolled.refresh_from_db()
    assert enrolled.throttling_failure_count == 1
    TOTPDevice.objects.filter(pk=enrolled.pk).update(
        throttling_failure_timestamp=timezone.now() - timezone.timedelta(seconds=5))
    assert client.post(VERIFY, {"code": totp_code(enrolled)}).status_code == 302


def test_a_recovery_code_works_once(client, enrolled, generalist_a):
    codes = new_recovery_codes(generalist_a)
    response = client.post(RECOVERY, {"code": codes[0].upper()}, follow=True)
    assert response.redirect_chain and response.status_code == 200
    assert "U hebt een herstelcode gebruikt; er zijn er nog 9." in response.content.decode()
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    client.logout()
    as_user(client, generalist_a, second_factor=False)
    again = client.post(RECOVERY, {"code": codes[0]})
    assert again.status_code == 200 and again.context["form"].errors["code"] == [WRONG_RECOVERY]


def test_a_recovery_code_is_not_an_app_code_and_the_reverse(client, enrolled, generalist_a):
    codes = new_recovery_codes(generalist_a)
    assert client.post(RECOVERY, {"code": totp_code(enrolled)}).context["form"].errors["code"] == [WRONG_RECOVERY]
    assert client.post(VERIFY, {"code": codes[1]}).context["form"].errors["code"]  # refused: not 6 digits
    assert StaticToken.objects.filter(device__user=generalist_a).count() == len(codes)


def test_the_next_page_never_leaves_the_site(client, enrolled):
    response = client.post(VERIFY, {"code": totp_code(enrolled), "next": "https://evil.example/"})
    assert response["Location"] == reverse("cases:home")


def test_login_through_the_form_then_the_second_step(client, enrolled, generalist_a):
    client.logout()
    response = client.post(reverse("login"), {"username": "generalist-a", "password": PASSWORD,
                                              "next": reverse("work:my_work")})
    assert response["Location"] == reverse("work:my_work")
    assert client.get(reverse("work:my_work"))["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": totp_code(enrolled)})
    assert client.get(reverse("work:my_work")).status_code == 200


def test_the_password_step_is_still_throttled_by_axes(client, generalist_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "generalist-a", "password": "wrong password!"})
    locked = client.post(reverse("login"), {"username": "generalist-a", "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
