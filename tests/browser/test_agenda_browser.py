"""A generalist on a phone (390 px) and a coach on a laptop (1280 px) plan, hold and record a
week of appointments: the kennismakingsgesprek held yesterday becomes the dossier's first
contact, the home visit starts support, a conflict is shown and confirmed, a cancellation is
recorded with who cancelled; the week and team views show it all; no page is wider than the
screen. axe-core finds no serious or critical violations on the planning and outcome pages."""

import datetime as dt

import pytest
from django.utils import timezone

from agenda.models import Appointment
from cases.factories import TeamFactory, household, user_with_role
from cases.models import Dossier, Role
from tests.browser.conftest import log_in, require_chromium, serious

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


def choose(page, name: str, value: str) -> None:
    page.focus(f"input[name={name}][value='{value}']")
    page.keyboard.press("Space")
    assert page.is_checked(f"input[name={name}][value='{value}']")


def fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"


def plan(page, dossier, kind, day, start, end, place_kind="thuis", extra_worker=None, uncheck=None):
    page.goto(f"/dossiers/{dossier.pk}")
    page.get_by_role("link", name="Afspraak plannen").first.click()
    page.select_option("#id_kind", kind)
    page.fill("#id_day", day.isoformat())
    page.fill("#id_start", start)
    page.fill("#id_end", end)
    choose(page, "place_kind", place_kind)
    for worker in filter(None, (extra_worker,)):
        choose(page, "workers", str(worker.pk))
    if uncheck is not None:
        page.focus(f"input[name=workers][value='{uncheck.pk}']")
        page.keyboard.press("Space")
    fits(page)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()


def record(page, outcome, **extra):
    choose(page, "outcome", outcome)
    if "cancelled_by" in extra:
        page.select_option("#id_cancelled_by", extra["cancelled_by"])
    page.get_by_role("button", name="Uitkomst vastleggen").click()
    page.wait_for_load_state()
    assert page.get_by_text("De uitkomst is vastgelegd.").is_visible()


@pytest.mark.parametrize("size", ["phone-then-laptop"])
def test_a_week_of_appointments_planned_held_and_recorded(page, size, screenshots):
    from axe_playwright_python.sync_playwright import Axe

    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    team = TeamFactory(code="zuidwest", name="Buurtteam Zuidwest")
    worker = user_with_role(Role.GENERALIST, team, username="generalist-zuidwest", first_name="Femke",
                            last_name="de Vries")
    coach = user_with_role(Role.TEAMCOACH, team, username="coach-zuidwest", first_name="Ahmed", last_name="Yılmaz")
    dossier = household(team, members=2, registered_on=today - dt.timedelta(days=12))
    axe, violations = Axe(), {}

    # The generalist on a phone: yesterday's kennismakingsgesprek, held.
    page.set_viewport_size(PHONE)
    log_in(page, worker.username)
    plan(page, dossier, "kennismakingsgesprek", today - dt.timedelta(days=1), "10:00", "11:00", "kantoor")
    assert "/afspraken/" in page.url
    violations["appointment (phone)"] = serious(axe.run(page))
    fits(page)
    record(page, "gehouden")
    found = Dossier.objects.get(pk=dossier.pk)
    assert found.first_contact_on == today - dt.timedelta(days=1) and found.first_contact_recorded_on == today
    page.screenshot(path=str(screenshots / "agenda-outcome-390.png"), full_page=True)

    # The home visit this morning (yesterday when run before 07:00), held: support starts with it.
    visit_day = today if timezone.localtime().hour >= 7 else today - dt.timedelta(days=1)
    plan(page, dossier, "huisbezoek", visit_day, "06:00", "06:45", extra_worker=coach)
    assert page.locator("input[name=start_support]").is_checked()
    record(page, "gehouden")
    assert Dossier.objects.get(pk=dossier.pk).support_started_on == visit_day

    # The rest of the week: a phone call and a network meeting with the coach.
    plan(page, dossier, "telefonisch", today + dt.timedelta(days=1), "09:00", "09:15", "elders")
    plan(page, dossier, "netwerkberaad", today + dt.timedelta(days=3), "14:00", "15:30", "elders", extra_worker=coach)
    page.goto(f"/agenda/week?dag={(today + dt.timedelta(days=3)).isoformat()}")
    fits(page)
    assert page.get_by_text("netwerkberaad").first.is_visible()
    page.screenshot(path=str(screenshots / "agenda-week-390.png"), full_page=True)
    page.goto(f"/agenda/dag?dag={(today + dt.timedelta(days=1)).isoformat()}")
    assert page.get_by_text("telefonisch").first.is_visible()
    fits(page)

    # The coach on a laptop: a conflict with the network meeting is shown, then confirmed.
    page.context.clear_cookies()
    page.set_viewport_size(LAPTOP)
    log_in(page, coach.username)
    plan(page, dossier, "gesprek_kantoor", today + dt.timedelta(days=3), "15:00", "16:00", "kantoor",
         extra_worker=worker, uncheck=coach)
    error = page.locator("#id_confirm_conflicts_errors")
    assert error.is_visible() and "heeft al een afspraak" in error.inner_text()
    violations["plan with a conflict (laptop)"] = serious(axe.run(page))
    page.focus("#id_confirm_conflicts")
    page.keyboard.press("Space")
    assert page.is_checked("#id_confirm_conflicts")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("De afspraak is gepland.").is_visible()
    record(page, "afgezegd", cancelled_by="client")
    page.goto(f"/teams/{team.code}/agenda?dag={(today + dt.timedelta(days=3)).isoformat()}")
    fits(page)
    assert page.get_by_role("row", name="Femke de Vries").is_visible()
    page.screenshot(path=str(screenshots / "agenda-team-1280.png"), full_page=True)

    outcomes = sorted(Appointment.objects.filter(dossier=dossier).values_list("kind", "outcome"))
    assert outcomes == [("gesprek_kantoor", "afgezegd"), ("huisbezoek", "gehouden"),
                        ("kennismakingsgesprek", "gehouden"), ("netwerkberaad", ""), ("telefonisch", "")]
    assert monday <= today
    assert not {k: v for k, v in violations.items() if v}, violations
    assert not page.problems, page.problems
