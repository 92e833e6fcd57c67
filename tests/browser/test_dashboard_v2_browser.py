"""The team dashboard's v2 sections (melders, clients and duration, ZRM development in
detail) draw their charts from our static Chart.js, each with a named image and its
table; the organisation overview is chosen as a half-year through the Dutch period
picker; axe-core finds no serious or critical violations on either."""

import datetime as dt

import pytest
from django.utils import timezone

from cases.factories import ClientFactory, TeamFactory, user_with_role
from cases.models import Referrer, Role
from reporting.compute import compute_periods
from reporting.factories import dossier, measurement
from reporting.periods import Period
from tests.browser.conftest import log_in, require_chromium, serious

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

V2_CHARTS = ("referrers", "gender", "age", "duration", "zrm_development", "zrm_by_step")


def build():
    """A team with registrations, clients, closures and ZRM measurements in the current
    quarter (dated up to today); the quarter and the current half-year computed."""
    today = timezone.localdate()
    quarter = Period.quarter_of(today)
    half = Period.parse(f"{today.year}-H{1 if today.month <= 6 else 2}")

    def day(n: int) -> dt.date:
        return min(quarter.start + dt.timedelta(days=n), today)

    team = TeamFactory(code="oost", name="Buurtteam Oost")
    TeamFactory(code="west", name="Buurtteam West")
    coach = user_with_role(Role.TEAMCOACH, team, username="coach-oost")
    referrers = list(Referrer.objects.filter(code__in=["zelfmelder", "veilig-thuis", "familie"]))
    for n in range(6):
        member = ClientFactory(gender="mvx"[n % 3], birth_date=dt.date(1950 + 12 * n, 3, 1))
        closed = {"closed_on": day(n + 3)} if n < 3 else {}
        d = dossier(team, day(n) if n < 5 else quarter.start - dt.timedelta(days=400), members=[member],
                    referrer=referrers[n % 3] if n < 4 else None, support_started_on=day(n + 1), **closed)
        measurement(d, "nulmeting", day(n + 1), {"financien": 1 + n % 5, "huisvesting": 3})
        measurement(d, "eindmeting", day(n + 2), {"financien": 3, "huisvesting": 2 + n % 3})
    compute_periods([quarter, half])
    return team, coach, quarter, half


def test_v2_sections_draw_their_charts_with_tables(page, screenshots):
    team, coach, quarter, _half = build()
    log_in(page, coach.username)
    page.goto(f"/teams/{team.code}/dashboard?period={quarter.code}")
    for key in V2_CHARTS:
        box = page.locator(f'.chart[data-chart="{key}"]')
        box.wait_for(state="visible")
        canvas = box.locator("canvas")
        assert canvas.get_attribute("role") == "img" and canvas.get_attribute("aria-label"), key
        assert box.locator("xpath=..").locator("table").count() == 1, key  # its table beside it
    assert page.get_by_role("heading", name="Wie de huishoudens aanmeldden (melders)").is_visible()
    assert page.get_by_role("heading", name="Cliënten en begeleidingsduur").is_visible()
    assert page.get_by_role("heading", name="Ontwikkeling ZRM per domein").is_visible()
    assert page.locator("#zrm-by-step-municipality-caption").is_visible()
    assert page.problems == []
    page.set_viewport_size({"width": 768, "height": 1024})
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("#clients-heading").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "dashboard-v2-tablet.png"), full_page=True)


def test_overview_of_a_half_year_through_the_picker(page, screenshots):
    _team, coach, _quarter, half = build()
    log_in(page, coach.username)
    page.goto("/cijfers/organisatie")
    label = f"{half.start.year} {'eerste' if half.start.month == 1 else 'tweede'} helft"
    page.get_by_label("Periode", exact=True).select_option(half.code)
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"?period={half.code}")
    assert page.get_by_role("heading", level=1).inner_text() == f"Alle teams {label}"
    assert page.locator("table.overview tbody th[scope=row]").all_inner_texts() == ["Buurtteam Oost",
                                                                                   "Buurtteam West"]
    assert page.problems == []
    page.screenshot(path=str(screenshots / "organisation-half-year.png"), full_page=True)


def test_no_serious_accessibility_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    team, coach, quarter, half = build()
    log_in(page, coach.username)
    axe = Axe()
    found = {}
    for name, url in [
        ("team dashboard with the v2 sections", f"/teams/{team.code}/dashboard?period={quarter.code}"),
        ("organisation overview of a half-year", f"/cijfers/organisatie?period={half.code}"),
        ("organisation overview of a year", f"/cijfers/organisatie?period={half.start.year}"),
    ]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found[name] = serious(axe.run(page))
    assert found == {name: [] for name in found}
