"""Browser tests: Playwright's sync API driving the system Chromium (installed from the
OS packages by .ci/run; Playwright never downloads a browser here) against
pytest-django's live server.

The live server runs in a thread of this process while Playwright's sync API keeps an
event loop in the main thread, which makes Django's async-safety check refuse ORM calls
made by the tests themselves. The ``browser`` fixture allows them
(DJANGO_ALLOW_ASYNC_UNSAFE) only while these tests run: safe here, as one thread uses
the ORM at a time, and never left set for the rest of the session (``check --deploy``
in a subprocess would warn about it)."""

import os
from pathlib import Path

import pytest

from tests import reference_data

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
PASSWORD = "correct horse battery staple"  # UserFactory's password


def chromium_available() -> bool:
    return os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


def require_chromium() -> None:
    """At the top of a browser test module: skip it without Chromium, or fail when the
    services are required (CI)."""
    if chromium_available():
        return
    if os.environ.get("BUURTTEAM_REQUIRE_SERVICES") == "1":
        raise RuntimeError(f"Chromium not found at {CHROMIUM} (BUURTTEAM_REQUIRE_SERVICES=1)")
    pytest.skip(f"no Chromium at {CHROMIUM} (set CHROMIUM_PATH)", allow_module_level=True)


SERIOUS = {"serious", "critical"}


def serious(results) -> list[str]:
    """axe-core's serious and critical violations in one line each, with up to five targets."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -- " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in results.response["violations"] if v["impact"] in SERIOUS
    ]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    """Live-server tests run on a committed database that is flushed after every
    transactional test (also other modules' ones), which removes the data the
    migrations ship: put it back."""
    reference_data.restore()


@pytest.fixture(scope="module")
def browser(django_db_setup, live_server):
    """Chromium, started after the test database and the live server, for one module.

    Playwright's sync API runs its event loop in greenlets, and from then on the test
    code runs in another context; Django keeps its connections per context, so the
    tests get connection objects of their own. Close those at the end: PostgreSQL drops
    the test database only when nobody is connected to it."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
            connections.close_all()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context (no cookies) on a laptop-sized screen, in Dutch. Collects
    the page's errors and console errors (a Content-Security-Policy violation shows up there)."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    def console(message):
        # The browser asks for /favicon.ico by itself; the app has none (not a page problem).
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            page.problems.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", console)
    yield page
    context.close()


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def log_in(page, username: str, password: str = PASSWORD) -> None:
    """Through the real login form, then the second step with the code the user's
    authenticator app shows now (the app is set up in the database first when the
    user has none; tests/browser/test_two_factor_browser.py sets one up in the browser)."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=username)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="authenticator-app")
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, "login failed"
    assert "/accounts/tweestaps/" in page.url, "no second step asked"
    enter_app_code(page, device)
    assert "/accounts/tweestaps/" not in page.url, "second step failed"


def enter_app_code(page, device) -> None:
    """The code of the device's app, on the verification page; a code is accepted once, so
    after a login in the same 30 seconds the app's next code (accepted too: one step tolerance)."""
    import time

    from conftest import totp_code

    device.refresh_from_db()
    ahead = 1 if device.last_t >= int(time.time() - device.t0) // device.step else 0
    page.fill("input[name=code]", totp_code(device, steps_ahead=ahead))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
