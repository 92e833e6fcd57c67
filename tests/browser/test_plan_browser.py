"""A generalist makes a plan with the household in the browser: a goal from the nulmeting's
suggestion and one of their own, a network contact, three actions (one by the contact, one
existing support for the dossier), agrees it and prints it (print media, A4). axe-core finds
no serious or critical violations on the plan pages; the plan page fits a tablet."""

import datetime as dt

import pytest
from django.utils import timezone

from cases.factories import TeamFactory, household, user_with_role
from cases.models import Role
from plans.models import Action, Goal, Plan
from reporting.factories import measurement
from tests.browser.conftest import log_in, require_chromium, serious

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



def build():
    today = timezone.localdate()
    team = TeamFactory(code="noordoost", name="Buurtteam Noordoost")
    worker = user_with_role(Role.GENERALIST, team, username="generalist-noordoost")
    dossier = household(team, members=2, registered_on=today - dt.timedelta(days=40))
    measurement(dossier, "nulmeting", today - dt.timedelta(days=35), {"financien": 2, "huisvesting": 4},
                instrument="zrm-2017")
    return dossier, worker, today


def choose(page, name: str, value: str) -> None:
    """A radio button, with the keyboard (as a keyboard user does)."""
    page.focus(f"input[name={name}][value={value}]")
    page.keyboard.press("Space")
    assert page.is_checked(f"input[name={name}][value={value}]")


def save(page):
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()


def test_plan_with_two_goals_and_three_actions_agreed_and_printed(page, screenshots):
    from axe_playwright_python.sync_playwright import Axe

    dossier, worker, today = build()
    axe, violations = Axe(), {}
    log_in(page, worker.username)
    page.goto(f"/dossiers/{dossier.pk}")
    page.get_by_role("link", name="Plan openen en wijzigen").click()
    assert page.get_by_role("heading", name="Voorgestelde doelen").is_visible()

    # Goal 1: one click on the nulmeting's suggestion, then in the household's own words.
    page.get_by_role("button", name="Doel voor Financiën").click()
    page.wait_for_load_state()
    page.fill("#id_description", "Zelf de post openen en rekeningen op tijd betalen")
    page.fill("#id_target_on", (today + dt.timedelta(days=90)).isoformat())
    save(page)

    # Goal 2: a household goal; a target date before the goal's date is refused next to the field.
    page.get_by_role("link", name="Nieuw doel").click()
    page.select_option("#id_client", "household")
    page.select_option("#id_domain", "huisvesting")
    choose(page, "direction", "stabiliseren")
    page.fill("#id_description", "In ons huis blijven wonen")
    page.fill("#id_target_on", (today - dt.timedelta(days=1)).isoformat())
    save(page)
    assert page.locator("#id_target_on_errors").is_visible()
    assert page.locator("#id_description").input_value() == "In ons huis blijven wonen"  # nothing typed lost
    violations["goal form with errors"] = serious(axe.run(page))
    page.fill("#id_target_on", (today + dt.timedelta(days=180)).isoformat())
    save(page)

    # The network: the daughter who helps.
    page.get_by_role("link", name="Nieuw netwerkcontact").click()
    choose(page, "kind", "familie")
    page.fill("#id_name", "Sanne de Boer")
    page.fill("#id_relation", "dochter")
    page.select_option("#id_supportive", "ja")
    save(page)

    # Three actions: own strength and the daughter for goal 1, existing support for the dossier.
    first, second = Goal.objects.order_by("id")
    page.goto(f"/dossiers/{dossier.pk}/plan/inzet/nieuw?doel={first.pk}")
    choose(page, "kanteling", "eigen_kracht")
    page.fill("#id_description", "Elke maandag de post doorlopen")
    page.fill("#id_starts_on", today.isoformat())
    save(page)
    page.goto(f"/dossiers/{dossier.pk}/plan/inzet/nieuw?doel={first.pk}")
    choose(page, "kanteling", "sociaal_netwerk")
    page.fill("#id_description", "Helpt bij de betalingsregeling")
    page.select_option("#id_by_contact", label="Sanne de Boer")
    page.fill("#id_starts_on", today.isoformat())
    save(page)
    page.get_by_role("link", name="Nieuwe inzet").click()
    choose(page, "kanteling", "algemene_voorziening")
    page.select_option("#id_domain", "financien")
    choose(page, "existing", "true")
    page.fill("#id_description", "Pakket van de Voedselbank")
    page.fill("#id_by", "Voedselbank")
    save(page)
    assert Action.objects.count() == 3 and second.actions.count() == 0

    # Agree the plan with the household.
    page.fill("#id_agreed_on", today.isoformat())
    page.get_by_role("button", name="Het huishouden gaat akkoord").click()
    page.wait_for_load_state()
    assert Plan.objects.get(dossier=dossier).agreed_on == today
    assert page.get_by_text(f"akkoord op {today:%d-%m-%Y}").first.is_visible()
    violations["plan page"] = serious(axe.run(page))
    page.screenshot(path=str(screenshots / "plan.png"), full_page=True)

    # On a tablet (768 px) the plan page does not scroll sideways.
    page.set_viewport_size({"width": 768, "height": 1024})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})

    # Print: the printable plan on A4, without the site's navigation, with room for signatures.
    page.get_by_role("link", name="Afdrukken").click()
    page.wait_for_load_state()
    violations["printable plan"] = serious(axe.run(page))
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("button", name="Afdrukken").is_visible()
    assert page.get_by_role("heading", name="Handtekeningen").is_visible()
    for text in ("Zelf de post openen en rekeningen op tijd betalen", "In ons huis blijven wonen",
                 "Elke maandag de post doorlopen", "Sanne de Boer", "Pakket van de Voedselbank"):
        assert page.get_by_text(text).first.is_visible(), text
    pdf = page.pdf(format="A4", path=str(screenshots / "plan.pdf"))
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")
    assert page.problems == []
    assert violations == {name: [] for name in violations}
