"""The client's own voice on a phone (390 px, client-voice.md): a resident logs in to Mijn
buurtteam, fills in the zelfscan one life domain per screen (answering some, skipping the
rest) and sees it beside the buurtteam's scores; once the help has ended, answers the
client-experience questionnaire. axe-core finds no serious or critical violations on these
pages; nothing scrolls sideways."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from cases.factories import TeamFactory, household, user_with_role
from cases.models import Role
from portal.testing import PASSWORD, resident_account
from reporting.factories import measurement
from tests.browser.conftest import require_chromium
from tests.browser.test_portal_browser import PHONE, check
from voice.models import Questionnaire
from zrm.models import Measurement

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    settings.OTP_EMAIL_COOLDOWN_DURATION = 0


def test_a_resident_fills_in_the_zelfscan_and_the_questionnaire(browser, live_server):
    today = timezone.localdate()
    team = TeamFactory(code="zuilen", name="Buurtteam Zuilen")
    worker = user_with_role(Role.GENERALIST, team, username="generalist-zuilen")
    dossier = household(team, lead_worker=worker, registered_on=today - dt.timedelta(days=60))
    client = dossier.members.first().client
    measurement(dossier, "nulmeting", today - dt.timedelta(days=50), {"financien": 2, "huisvesting": 4},
                instrument="zrm-2017", client=client)
    account = resident_account(dossier, client, worker, email="bewoner@example.org")
    problems: list = []

    phone = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="nl-NL").new_page()
    phone.goto("/mijn/inloggen/")
    phone.fill("input[name=email]", account.email)
    phone.fill("input[name=password]", PASSWORD)
    submit(phone, "Verder")
    phone.fill("input[name=token]", re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1))
    submit(phone, "Inloggen")
    assert f"/mijn/dossier/{dossier.pk}/" in phone.url
    phone.get_by_role("link", name="Invullen").click()
    phone.wait_for_load_state()
    check(phone, problems, "zelfscan, first domain")
    assert phone.get_by_text("Vraag 1 van 13").is_visible()
    phone.get_by_label("Dit lukt mij een beetje. Ik heb wat hulp nodig.").check()
    submit(phone, "Volgende")
    for _domain in range(11):
        submit(phone, "Overslaan")
    check(phone, problems, "zelfscan, last domain")
    phone.get_by_label("Dit lukt mij helemaal zelf.").check()
    submit(phone, "Versturen")
    assert phone.get_by_text("Uw antwoorden naast de scores van uw buurtteam").is_visible()
    check(phone, problems, "dossier with zelfscan")
    scan = Measurement.objects.get(type="zelfscan")
    assert scan.scores == {"financien": 3, "justitie": 5} and scan.scored_with == "client"

    dossier.closed_on, dossier.closure_reason = today, "volgens_plan"
    dossier.save()
    phone.reload()
    phone.get_by_role("link", name="Vragen beantwoorden").click()
    phone.wait_for_load_state()
    check(phone, problems, "questionnaire")
    phone.get_by_role("group", name="Ik werd snel geholpen.").get_by_label("2 mee eens").check()
    phone.get_by_role("group", name="De hulp die ik kreeg was goed.").get_by_label("weet ik niet").check()
    submit(phone, "Versturen")
    check(phone, problems, "dossier after the questionnaire")
    questionnaire = Questionnaire.objects.get()
    assert questionnaire.channel == "portaal"
    assert questionnaire.answers == {"kwaliteit_goed": "weet_niet", "snel_geholpen": "2"}
    assert not problems, "\n".join(problems)
