"""A generalist registers a short contact on a 390 px phone in under a minute: the form opens
from the navigation, fits the screen (no sideways scrolling), an anonymous phone call about
money is saved with a few taps, and the week list shows it. axe-core finds no serious or
critical violations on the form."""

import time

import pytest

from cases.factories import TeamFactory, user_with_role
from cases.models import Role
from frontdoor.models import ShortContact
from tests.browser.conftest import log_in, require_chromium, serious

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_short_contact_on_a_phone_in_under_a_minute(browser, live_server, screenshots):
    from axe_playwright_python.sync_playwright import Axe

    team = TeamFactory(code="zuilen", name="Buurtteam Zuilen")
    worker = user_with_role(Role.GENERALIST, team, username="generalist-zuilen")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="nl-NL",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    log_in(page, worker.username)

    started = time.monotonic()
    page.goto("/kort-contact/nieuw")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_label("telefoon").first.check()
    page.select_option("select[name=topic]", "financien")
    page.fill("input[name=minutes]", "6")
    assert page.is_checked("input[name=anonymous]")  # anonymous unless the person is named
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_load_state()
    elapsed = time.monotonic() - started

    contact = ShortContact.objects.get()
    assert (contact.channel, contact.topic, contact.minutes, contact.anonymous, contact.client_id) == (
        "telefoon", "financien", 6, True, None)
    assert elapsed < 60, elapsed
    page.goto(f"/teams/{team.code}/kort-contact")
    assert page.get_by_text("Financiën").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto("/kort-contact/nieuw")
    page.screenshot(path=str(screenshots / "short-contact-390.png"), full_page=True)
    found = serious(Axe().run(page))
    assert not found, found
    assert not problems, problems
    context.close()
