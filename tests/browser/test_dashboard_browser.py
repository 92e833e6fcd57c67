"""A coach logs in, opens the team dashboard, and sees the figures of the reporting
table; the charts draw from the app's own static files; screenshots are saved; axe-core
finds no serious or critical accessibility violations on the dashboards and the
dossier pages."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from cases.factories import TeamFactory, user_with_role
from cases.models import Role
from reporting.compute import compute_periods
from reporting.dashboards.common import KPI_KEYS, MEASURES, format_number
from reporting.factories import dossier, measurement, referral
from reporting.models import IndicatorRow
from reporting.periods import Period
from tests.browser.conftest import log_in, require_chromium, serious

require_chromium()

# Live server: the data must be committed (transactional_db); conftest restores the
# reference data the migrations ship after the flushes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



def build():
    """Two teams with dossiers in the current quarter (dated up to today) and the quarter before; computed."""
    today = timezone.localdate()
    current = Period.quarter_of(today)
    previous = current.previous_quarters(1)[0]

    def day(n: int) -> dt.date:
        return min(current.start + dt.timedelta(days=n), today)

    team = TeamFactory(code="oost", name="Buurtteam Oost")
    other = TeamFactory(code="west", name="Buurtteam West")
    coach = user_with_role(Role.TEAMCOACH, team, username="coach-oost")
    first = None
    for n in range(6):
        closed = {"closed_on": day(n + 3), "closure_reason": "volgens_plan" if n % 3 else "eenzijdig_client",
                  "can_continue_independently": "ja" if n % 2 else "nee", "client_rating": 5 + n if n != 2 else None}
        d = dossier(team, day(n), first_contact_on=day(n + 1 + n % 4), first_contact_location="thuis",
                    support_started_on=day(n + 2) if n != 4 else None, **(closed if n < 4 else {}))
        measurement(d, "nulmeting", day(n + 1), {"financien": 1 + n % 5, "huisvesting": 3, "sociaal_netwerk": 2})
        if n < 4:
            measurement(d, "eindmeting", day(n + 3), {"financien": 4, "huisvesting": 4, "sociaal_netwerk": 3})
        if n % 2:
            referral(d, "begeleiding-groep", "aanbieder-oost", decided_on=day(n + 2), starts_on=day(n + 3))
        first = first or d
    dossier(team, previous.start, support_started_on=previous.start + dt.timedelta(days=5),
            closed_on=previous.start + dt.timedelta(days=40), closure_reason="volgens_plan", client_rating=8)
    dossier(team, previous.start - dt.timedelta(days=90), support_started_on=previous.start)  # no nulmeting
    for n in range(3):
        d = dossier(other, day(n), first_contact_on=day(n + 2), support_started_on=day(n + 4))
        measurement(d, "nulmeting", day(n + 1), {"financien": 4, "huisvesting": 5})
    compute_periods([previous, current])
    return team, coach, current, first


def shown(value, decimals=0, unit=""):
    with translation.override("nl"):
        return format_number(value, decimals, unit)


def test_coach_sees_the_dashboard_figures(page, screenshots):
    team, coach, current, _first = build()
    log_in(page, coach.username)
    page.get_by_role("link", name="Cijfers").click()  # "cijfers": to the coach's team dashboard
    page.wait_for_load_state()
    assert page.url.endswith(f"/teams/{team.code}/dashboard")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Dashboard Buurtteam Oost")
    for key in KPI_KEYS:
        measure = MEASURES[key]
        row = IndicatorRow.objects.get(period=current.code, team=team, indicator=measure.indicator, dimension="")
        tile = page.locator(f'.kpi[data-indicator="{measure.indicator}"] .value')
        assert tile.inner_text() == shown(row.value, measure.decimals, measure.unit), measure.indicator
    registered = IndicatorRow.objects.get(period=current.code, team=team, indicator="dossiers_registered")
    assert registered.value == 6
    now = IndicatorRow.objects.get(period=current.code, team=team, indicator="waiting_list")
    assert page.locator('[data-indicator="waiting_list_now"]').inner_text() == shown(now.value)
    assert page.get_by_text("Berekend op").is_visible()

    # Chart.js from our own static files draws every chart; each is an image with a name and has a table.
    charts = page.locator(".chart").count()
    assert charts >= 8  # flow, waiting, contact, closure, can continue, rating, referrals, kanteling, ...
    page.wait_for_function(f"() => document.querySelectorAll('.chart:not([hidden]) canvas').length === {charts}")
    for canvas in page.locator(".chart canvas").all():
        assert canvas.get_attribute("role") == "img"
        assert canvas.get_attribute("aria-label")
    assert page.locator(".chart-pair table").count() == charts
    assert page.problems == []  # no script errors, no Content-Security-Policy violations

    page.screenshot(path=str(screenshots / "dashboard.png"), full_page=True)
    # A tablet in portrait: no sideways scrolling of the page.
    page.set_viewport_size({"width": 768, "height": 1024})
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(screenshots / "dashboard-tablet.png"), full_page=True)


def test_organisation_overview_sorts_by_keyboard(page, screenshots):
    team, coach, current, _first = build()
    log_in(page, coach.username)
    page.goto(f"/cijfers/organisatie?period={current.code}")
    names = page.locator("table.overview tbody th[scope=row]")
    assert names.all_inner_texts() == ["Buurtteam Oost", "Buurtteam West"]
    assert page.locator("table.overview tfoot th").inner_text() == "Gemeente (alle teams)"
    header = page.locator('th[data-sort-key="waiting_list"]')
    header.locator("a").focus()
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    waiting = {
        t.name: IndicatorRow.objects.get(period=current.code, team=t, indicator="waiting_list").value
        for t in (team, TeamFactory(code="west"))
    }
    assert names.all_inner_texts() == sorted(waiting, key=lambda name: -waiting[name])
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"
    assert "sort=waiting_list" in page.url
    assert page.locator("#sort-status").inner_text().startswith("Wachtlijst")
    assert page.problems == []
    page.screenshot(path=str(screenshots / "organisation.png"), full_page=True)


def test_no_serious_accessibility_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    team, coach, current, first = build()
    log_in(page, coach.username)
    axe = Axe()
    found = {}
    for name, url in [
        ("team dashboard", f"/teams/{team.code}/dashboard?period={current.code}"),
        ("organisation overview", f"/cijfers/organisatie?period={current.code}"),
        ("data-quality list", f"/teams/{team.code}/kwaliteit/zonder-nulmeting?period={current.code}"),
        ("dossier detail", f"/dossiers/{first.pk}"),
        ("dossier list", f"/teams/{team.code}/dossiers"),
    ]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found[name] = serious(axe.run(page))
    print(found)
    assert found == {name: [] for name in found}
