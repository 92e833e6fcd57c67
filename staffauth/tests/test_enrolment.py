"""First login: set up an authenticator app (QR code or typed key), then recovery codes shown once."""

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import as_user
from staffauth.services import secret_for_people
from staffauth.views import PENDING_KEY

ENROL = reverse("staffauth:enrol")


def _code(key_hex: str) -> str:
    return f"{totp(bytes.fromhex(key_hex)):06d}"


def test_enrolment_shows_a_qr_code_and_the_key_to_type_in_dutch(client, generalist_a):
    as_user(client, generalist_a, second_factor=False)
    response = client.get(ENROL)
    text = response.content.decode()
    key = client.session[PENDING_KEY]
    assert response.status_code == 200
    assert "Tweestapsverificatie instellen" in text
    assert 'src="data:image/svg+xml' in text  # the QR code, inline (CSP: img-src data:)
    assert secret_for_people(key) in text
    assert "otpauth://totp/Buurtteam%3Ageneralist-a?secret=" in text
    assert 'inputmode="numeric"' in text and 'autocomplete="one-time-code"' in text
    assert "<nav" not in text  # no menu before the second factor
    assert client.get(ENROL).context["secret"] == secret_for_people(key)  # the same key on reload
    assert not TOTPDevice.objects.filter(user=generalist_a).exists()  # nothing stored before a right code


def test_a_wrong_code_is_refused_in_dutch_next_to_the_field_and_the_key_stays(client, generalist_a):
    as_user(client, generalist_a, second_factor=False)
    client.get(ENROL)
    key = client.session[PENDING_KEY]
    wrong = f"{(int(_code(key)) + 1) % 1_000_000:06d}"
    response = client.post(ENROL, {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors["code"] == [
        "Deze code klopt niet. Vul de 6 cijfers in die uw app nu laat zien."]
    assert 'id="id_code_errors"' in response.content.decode()
    assert client.session[PENDING_KEY] == key
    empty = client.post(ENROL, {"code": ""})
    assert empty.context["form"].errors["code"] == ["Dit veld is vereist."]
    assert not TOTPDevice.objects.filter(user=generalist_a).exists()


def test_the_right_code_sets_up_the_app_and_shows_ten_recovery_codes_once(client, generalist_a):
    as_user(client, generalist_a, second_factor=False)
    client.get(ENROL, {"next": reverse("cases:my_dossiers")})
    key = client.session[PENDING_KEY]
    response = client.post(ENROL, {"code": _code(key)[:3] + " " + _code(key)[3:],
                                   "next": reverse("cases:my_dossiers")})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staffauth:recovery_codes"))
    device = TOTPDevice.objects.get(user=generalist_a)
    assert device.confirmed and device.key == key
    shown = client.get(response["Location"])
    codes = shown.context["codes"]
    assert len(codes) == 10 == len(set(codes))
    stored = StaticToken.objects.filter(device__user=generalist_a).values_list("token", flat=True)
    assert sorted(codes) == sorted(stored)
    assert all(code in shown.content.decode() for code in codes)
    assert f'href="{reverse("cases:my_dossiers")}"' in shown.content.decode()
    again = client.get(reverse("staffauth:recovery_codes"))
    assert again.status_code == 302 and not any(code in again.content.decode() for code in codes)
    assert client.get(reverse("cases:my_dossiers")).status_code == 200  # verified now
    assert PENDING_KEY not in client.session


def test_the_session_key_changes_at_the_second_factor(client, generalist_a):
    as_user(client, generalist_a, second_factor=False)
    client.get(ENROL)
    before = client.session.session_key
    client.post(ENROL, {"code": _code(client.session[PENDING_KEY])})
    assert client.session.session_key != before


def test_who_has_an_app_cannot_enrol_another_with_the_password_alone(client, generalist_a):
    as_user(client, generalist_a)  # an app exists
    client.logout()
    as_user(client, generalist_a, second_factor=False)
    response = client.get(ENROL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("staffauth:verify"))
    assert client.post(ENROL, {"code": "123456"})["Location"].startswith(reverse("staffauth:verify"))
    assert TOTPDevice.objects.filter(user=generalist_a).count() == 1


def test_new_recovery_codes_replace_the_old_ones(client, generalist_a):
    as_user(client, generalist_a)
    first = client.post(reverse("staffauth:settings"), follow=True).context["codes"]
    page = client.get(reverse("staffauth:settings"))
    assert "U hebt 10 ongebruikte herstelcodes." in page.content.decode()
    second = client.post(reverse("staffauth:settings"), follow=True).context["codes"]
    assert set(first).isdisjoint(second)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(second)
