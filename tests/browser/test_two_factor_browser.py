"""Two-factor login in the browser, on a phone: the first login sets up an authenticator
app from the key on the enrolment page, shows the recovery codes once, and opens the page
asked for; the next login asks the app's code; a recovery code works instead. No
serious or critical axe findings on the steps."""


import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.factories import TeamFactory, user_with_role
from cases.models import Role
from staffauth.services import key_from_secret
from tests.browser.conftest import PASSWORD, enter_app_code, require_chromium

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]


def password_step(page, username, next_path):
    page.goto(next_path)  # the page asked for: first the login
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def test_enrolment_then_login_with_the_app_code_and_with_a_recovery_code(page, screenshots):
    team = TeamFactory(code="zuid", name="Buurtteam Zuid")
    worker = user_with_role(Role.GENERALIST, team, username="generalist-zuid")
    page.set_viewport_size({"width": 390, "height": 844})
    target = reverse("cases:my_dossiers")

    password_step(page, "generalist-zuid", target)
    assert "/accounts/tweestaps/instellen/" in page.url
    assert page.get_by_role("heading", name="Tweestapsverificatie instellen").is_visible()
    assert page.get_by_role("img", name="QR-code om te scannen met uw authenticator-app").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scroll
    assert not serious(page)
    page.screenshot(path=str(screenshots / "two-factor-enrol-phone.png"), full_page=True)
    secret = page.locator("#secret").inner_text()  # what a person types into the app
    key = key_from_secret(secret)

    page.fill("input[name=code]", "000000" if f"{totp(bytes.fromhex(key)):06d}" != "000000" else "111111")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    assert page.locator("#id_code_errors").inner_text() == (
        "Deze code klopt niet. Vul de 6 cijfers in die uw app nu laat zien.")
    assert page.locator("#secret").inner_text() == secret  # the same key: nothing to scan again

    page.fill("input[name=code]", f"{totp(bytes.fromhex(key)):06d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Uw herstelcodes").is_visible()
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    assert not serious(page)
    page.screenshot(path=str(screenshots / "two-factor-recovery-codes-phone.png"), full_page=True)
    page.get_by_role("link", name="Ik heb ze bewaard, verder").click()
    page.wait_for_load_state()
    assert page.url.endswith(target)
    assert TOTPDevice.objects.get(user=worker).key == key

    page.context.clear_cookies()
    password_step(page, "generalist-zuid", target)
    assert "/accounts/tweestaps/" in page.url and "instellen" not in page.url
    assert not serious(page)
    enter_app_code(page, TOTPDevice.objects.get(user=worker))
    assert page.url.endswith(target)

    page.context.clear_cookies()
    password_step(page, "generalist-zuid", target)
    page.get_by_role("link", name="Geen telefoon bij de hand? Gebruik een herstelcode").click()
    page.wait_for_load_state()
    page.fill("input[name=code]", codes[0])
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert page.url.endswith(target)
    assert "U hebt een herstelcode gebruikt; er zijn er nog 9." in page.content()
    assert not page.problems
