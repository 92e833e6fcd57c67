"""Forms in their error state stay readable: after a refused submit the radio and checkbox
options' labels keep the text colour (the --invalid modifier Django also puts on the
options' wrapper must not turn them white) and axe-core finds no serious or critical
violations; before any input a required radio group is not red yet. Every staff form with
choices and the portal's forms are refused once (submitted empty, the browser's own
checks off, so the server's error state shows) and checked the same way."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from cases.factories import TeamFactory, household, user_with_role
from cases.models import Role
from reporting.factories import dossier
from tests.browser.conftest import log_in, require_chromium, serious

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each option label's text colour and its background's, and the radio's border colour.
LABEL_COLOURS = """() => [...document.querySelectorAll('.choices label')].map((label) => ({
  text: label.textContent.trim(), color: getComputedStyle(label).color,
  border: getComputedStyle(label.querySelector('input')).borderTopColor }))"""
WHITE = "rgb(255, 255, 255)"


def test_close_form_options_readable_in_the_error_state_and_not_red_before(page):
    from axe_playwright_python.sync_playwright import Axe

    team = TeamFactory(code="oost")
    coach = user_with_role(Role.TEAMCOACH, team, username="coach-oost")
    open_dossier = dossier(team, timezone.localdate())
    log_in(page, coach.username)
    page.goto(f"/dossiers/{open_dossier.pk}/afsluiten")
    before = page.evaluate(LABEL_COLOURS)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".field-error").count() > 0, "no error state"
    after = page.evaluate(LABEL_COLOURS)
    assert after and all(option["color"] != WHITE for option in after), after
    assert [option["color"] for option in after] == [option["color"] for option in before]
    # Red borders only after the refused submit: the required group is not red before any input.
    invalid_red = {option["border"] for option in after} - {option["border"] for option in before}
    assert invalid_red, "the error state does not mark the options"
    assert serious(Axe().run(page)) == []


# The main form of the page (the one with the most fields) submitted empty, the browser's
# own required-field checks off: the server's error state.
SUBMIT_EMPTY = """() => {
  const forms = [...document.querySelectorAll('main form')].filter((f) => f.method.toLowerCase() === 'post');
  if (!forms.length) return false;
  const form = forms.reduce((a, b) => (b.elements.length > a.elements.length ? b : a));
  form.noValidate = true;
  const typed = 'input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea';
  for (const field of form.querySelectorAll(typed)) field.value = '';
  for (const field of form.querySelectorAll('input[type=radio], input[type=checkbox]')) field.checked = false;
  for (const field of form.querySelectorAll('select')) field.selectedIndex = -1;
  const button = form.querySelector('button[type=submit], button:not([type]), input[type=submit]');
  form.requestSubmit(button || undefined);
  return true;
}"""


def refused(page, path: str, problems: list) -> None:
    """Open ``path``, submit its form empty and check the error state it comes back with."""
    from axe_playwright_python.sync_playwright import Axe

    page.goto(path)
    before = page.evaluate(LABEL_COLOURS)
    with page.expect_navigation():
        if not page.evaluate(SUBMIT_EMPTY):
            problems.append(f"{path}: no form")
            return
    page.wait_for_load_state()
    if page.locator(".field-error, .utrecht-form-field-error-message, [aria-invalid=true], .errorlist").count() == 0:
        problems.append(f"{path}: no error state after an empty submit (now at {page.url})")
    after = page.evaluate(LABEL_COLOURS)
    white = [option["text"] for option in after if option["color"] == WHITE]
    if white:
        problems.append(f"{path}: white option labels {white}")
    if before and [o["color"] for o in after] != [o["color"] for o in before][:len(after)]:
        problems.append(f"{path}: option labels change colour in the error state")
    problems.extend(f"{path}: {violation}" for violation in serious(Axe().run(page)))


def test_every_staff_form_with_choices_is_readable_in_its_error_state(page):
    from maatwerk.factories import ReferralFactory
    from plans.factories import ActionFactory, GoalFactory

    team = TeamFactory(code="west")
    worker = user_with_role(Role.GENERALIST, team, username="generalist-west")
    case = household(team, lead_worker=worker, members=2)
    case.workers.add(worker)
    goal = GoalFactory(dossier=case)
    ActionFactory(dossier=case, goal=goal)
    ReferralFactory(dossier=case)  # closing offers to settle it
    log_in(page, worker.username)
    problems: list = []
    forms = [
        "afsluiten",  # closing reason, settling goals and referrals
        "zrm/nieuw",  # ZRM type
        "plan/doelen/nieuw", "plan/inzet/nieuw",  # goal; support by kanteling
        "journaal/nieuw", "toestemming/nieuw", "taken/nieuw", "afspraken/nieuw", "verwijzingen/nieuw",
        "netwerk/nieuw", "clientervaring/nieuw",
    ]
    for form in forms:
        refused(page, f"/dossiers/{case.pk}/{form}", problems)
    refused(page, "/kort-contact/nieuw", problems)
    assert not problems, "\n".join(problems)


def test_the_portal_forms_are_readable_in_their_error_state(browser, live_server, settings):
    from portal import services
    from portal.testing import PASSWORD, resident_account

    settings.OTP_EMAIL_COOLDOWN_DURATION = 0
    team = TeamFactory(code="noord")
    worker = user_with_role(Role.GENERALIST, team, username="generalist-noord")
    case = household(team, lead_worker=worker, members=2)
    first, second = [member.client for member in case.members.order_by("pk")]
    account = resident_account(case, first, worker, email="bewoner@example.org")
    _invitation, token, _code = services.invite_resident(case, user=worker, client=second, email="partner@example.org")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="nl-NL")
    phone = context.new_page()
    problems: list = []
    refused(phone, f"/mijn/uitnodiging/{token}/", problems)  # the password step
    phone.goto("/mijn/inloggen/")
    phone.fill("input[name=email]", account.email)
    phone.fill("input[name=password]", PASSWORD)
    phone.get_by_role("button", name="Verder").click()
    phone.wait_for_load_state()
    phone.fill("input[name=token]", re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1))
    phone.get_by_role("button", name="Inloggen").click()
    phone.wait_for_load_state()
    for form in ("doelen/nieuw/", "berichten/"):  # (the zelfscan lets every step be skipped: no error state)
        refused(phone, f"/mijn/dossier/{case.pk}/{form}", problems)
    context.close()
    assert not problems, "\n".join(problems)
