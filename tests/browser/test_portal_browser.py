"""Mijn buurtteam at phone size (390 px): a generalist invites a resident, the resident sets a
password, logs in with the code from the e-mail, adds a goal and sends a message; the
generalist sets the goal; a third party invited to one goal sees only that goal. axe-core
finds no serious or critical violations on the portal pages; nothing scrolls sideways, no table
is clipped and a table's scroll cue has the colour of the card it is on."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from cases.factories import TeamFactory, household, user_with_role
from cases.models import Role
from plans.factories import ConsentFactory, GoalFactory, NetworkContactFactory
from plans.models import Goal, ProposedBy
from portal.testing import PASSWORD, invitee_account
from reporting.factories import measurement
from tests.browser.conftest import log_in, require_chromium
from tests.browser.test_tables_not_clipped_browser import CLIPPED_TABLES

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    settings.OTP_EMAIL_COOLDOWN_DURATION = 0


def check(page, problems: list, where: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    for v in results.response["violations"]:
        if v["impact"] in {"serious", "critical"}:
            problems.append(f"{where}: {v['id']} ({v['impact']}) {v['help']}")
    problems.extend(f"{where}: {problem}" for problem in page.evaluate(CLIPPED_TABLES))  # sideways, clipped, cue


def submit(page, name: str) -> None:
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()


def test_resident_invited_logs_in_with_code_adds_goal_and_message(browser, live_server, page):
    today = timezone.localdate()
    team = TeamFactory(code="zuilen", name="Buurtteam Zuilen")
    worker = user_with_role(Role.GENERALIST, team, username="generalist-zuilen")
    dossier = household(team, lead_worker=worker, registered_on=today - dt.timedelta(days=30))
    client = dossier.members.first().client
    measurement(dossier, "nulmeting", today - dt.timedelta(days=25), {"financien": 2, "huisvesting": 4},
                instrument="zrm-2017", client=client)
    problems: list = []

    log_in(page, worker.username)
    page.goto(f"/dossiers/{dossier.pk}/mijn-buurtteam/uitnodigen?client={client.pk}")
    page.fill("input[name=email]", "bewoner@example.org")
    submit(page, "Uitnodigen")
    assert page.locator(".invitation-code").is_visible()
    link = re.search(r"(/mijn/uitnodiging/[^/\s]+/)", mail.outbox[-1].body).group(1)

    resident = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="nl-NL")
    phone = resident.new_page()
    phone.goto(link)
    check(phone, problems, "accept")
    phone.fill("input[name=password]", PASSWORD)
    phone.fill("input[name=password_again]", PASSWORD)
    submit(phone, "Opslaan en verder")
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    check(phone, problems, "login code")
    phone.fill("input[name=token]", code)
    submit(phone, "Inloggen")
    assert f"/mijn/dossier/{dossier.pk}/" in phone.url
    check(phone, problems, "dossier")
    assert phone.get_by_text("Hoe het met u gaat").is_visible()

    phone.get_by_role("link", name="Doel toevoegen").click()
    check(phone, problems, "goal form")
    phone.fill("textarea[name=description]", "Mijn post elke week openen")
    phone.select_option("select[name=domain]", "financien")
    submit(phone, "Doel versturen")
    assert phone.get_by_text("Mijn post elke week openen").is_visible()

    phone.get_by_role("link", name="Berichten").click()
    phone.fill("textarea[name=text]", "Kunt u mij volgende week bellen?")
    submit(phone, "Bericht versturen")
    check(phone, problems, "messages")
    assert phone.get_by_text("Kunt u mij volgende week bellen?").is_visible()

    page.goto(f"/dossiers/{dossier.pk}/mijn-buurtteam")
    assert page.get_by_text("Kunt u mij volgende week bellen?").is_visible()
    page.locator("input[name=decision][value=set]").check()
    submit(page, "Opslaan")
    goal = Goal.objects.get(dossier=dossier)
    assert goal.proposed_by == ProposedBy.CLIENT

    phone.goto(f"/mijn/dossier/{dossier.pk}/")
    assert phone.get_by_role("link", name="Mijn post elke week openen").is_visible()
    resident.close()
    assert not problems, "\n".join(problems)
    assert not page.problems, page.problems


def test_third_party_sees_only_its_goal(browser, live_server):
    team = TeamFactory(code="oost", name="Buurtteam Oost")
    worker = user_with_role(Role.GENERALIST, team, username="generalist-oost")
    dossier = household(team, lead_worker=worker)
    goal = GoalFactory(dossier=dossier, description="Elke week samen boodschappen doen")
    GoalFactory(dossier=dossier, description="Een ander doel dat geheim blijft")
    contact = NetworkContactFactory(dossier=dossier, name="Zus Annie")
    consent = ConsentFactory(dossier=dossier, recipient="Zus Annie", given_on=dossier.registered_on)
    account, _invitation = invitee_account(goal, contact, consent, worker, email="annie@example.org")

    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="nl-NL")
    phone = context.new_page()
    phone.goto("/mijn/inloggen/")
    phone.fill("input[name=email]", account.email)
    phone.fill("input[name=password]", PASSWORD)
    submit(phone, "Verder")
    phone.fill("input[name=token]", re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1))
    submit(phone, "Inloggen")
    assert f"/mijn/doel/{goal.pk}/" in phone.url
    problems: list = []
    check(phone, problems, "invitee goal")
    text = phone.content()
    assert "Elke week samen boodschappen doen" in text and "geheim" not in text
    context.close()
    assert not problems, "\n".join(problems)
