"""Every main page works on a phone (390 px), a tablet in portrait (768 px) and a laptop
(1280 px): no sideways scrolling of the page, nothing sticking out of the screen or cut
off inside its box (wide tables scroll inside their own container), the trend table
shows the current quarter, and axe-core finds no serious or critical accessibility
violations at each size.

The data include the worst cases for wrapping: a 10,000-character request summary (more
than the form accepts; an import or an old record can hold it) and an 80-character name
without spaces. Screenshots of every page at every size go to artifacts/screenshots/layout/."""


import pytest

from cases.factories import ClientFactory, user_with_role
from cases.models import Role
from reporting.factories import dossier, measurement, referral
from tests.browser.conftest import log_in, require_chromium, serious
from tests.browser.test_dashboard_browser import build

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (390, 768, 1280)
LONG_NAME = "Wilhelmina" * 8  # 80 characters, no space to break at
LONG_SUMMARY = ("Hulpvraag over schulden, huisvesting en de opvoeding van de kinderen. " * 150)[:10_000]

# What a user would call broken, measured in the page (results are short descriptions).
LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  }
  const scrolls = (el) => {
    for (let up = el.parentElement; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (["auto", "scroll"].includes(style.overflowX)) return true;
    }
    return false;
  };
  const hidden = (el) => el.closest(".visually-hidden, [hidden], details:not([open]) > :not(summary)");
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string"
    && el.className ? "." + el.className.trim().split(/\\s+/).slice(0, 2).join(".") : "");
  for (const el of document.querySelectorAll("body *")) {
    if (hidden(el) || !el.getClientRects().length) continue;
    const rect = el.getBoundingClientRect();
    if (rect.right > width + 1 && !scrolls(el)) {
      problems.push(`${name(el)} sticks out: right edge ${Math.round(rect.right)} > ${width}`);
    }
    const style = getComputedStyle(el);
    // (a text field scrolls its own value: not a cut-off)
    const clips = ["hidden", "clip"].includes(style.overflowX)
      && !el.matches(".utrecht-skip-link, input, textarea, select");
    if (clips && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name(el)} cuts off its content: ${el.scrollWidth} > ${el.clientWidth}`);
    }
  }
  for (const current of document.querySelectorAll("table.trend th.current, table.trend td.current")) {
    const rect = current.getBoundingClientRect();
    if (rect.left < 0 || rect.right > width + 1) {
      problems.push(`current quarter not visible: ${Math.round(rect.left)}..${Math.round(rect.right)}`);
      break;
    }
  }
  return problems.slice(0, 10);
}"""


def data():
    team, coach, current, _first = build()
    long_client = ClientFactory(given_name=LONG_NAME, family_name=LONG_NAME[:60])
    worst = dossier(team, current.start, members=[long_client], request_summary=LONG_SUMMARY,
                    first_contact_on=current.start, first_contact_location="thuis", support_started_on=current.start)
    measurement(worst, "nulmeting", current.start, {"financien": 2, "huisvesting": 3, "sociaal_netwerk": 4})
    referral(worst, "begeleiding-groep", "aanbieder-oost", decided_on=current.start, starts_on=current.start)
    referral(worst, "huishoudelijke-hulp", "aanbieder-oost", status="aangevraagd")
    beheer = user_with_role(Role.BEHEER, None, username="beheer-layout")
    return {"team": team, "coach": coach, "period": current.code, "dossier": worst, "client": long_client,
            "measurement": worst.measurements.get(), "referral": worst.referrals.order_by("pk").first(),
            "beheer": beheer}


# (name, who logs in, url from the data); None: not logged in.
PAGES = [
    ("login", None, lambda d: "/accounts/login/"),
    ("not found", "coach", lambda d: "/bestaat-niet"),
    ("my dossiers", "coach", lambda d: "/dossiers"),
    ("team dossiers", "coach", lambda d: f"/teams/{d['team'].code}/dossiers"),
    ("waiting list", "coach", lambda d: f"/teams/{d['team'].code}/wachtlijst"),
    ("new registration", "coach", lambda d: "/dossiers/nieuw"),
    ("dossier detail", "coach", lambda d: f"/dossiers/{d['dossier'].pk}"),
    ("dossier details form", "coach", lambda d: f"/dossiers/{d['dossier'].pk}/gegevens"),
    ("close form", "coach", lambda d: f"/dossiers/{d['dossier'].pk}/afsluiten"),
    ("client detail", "coach", lambda d: f"/clienten/{d['client'].pk}"),
    ("client form", "coach", lambda d: f"/clienten/{d['client'].pk}/bewerken"),
    ("zrm entry", "coach", lambda d: f"/dossiers/{d['dossier'].pk}/zrm/nieuw"),
    ("zrm detail", "coach", lambda d: f"/dossiers/{d['dossier'].pk}/zrm/{d['measurement'].pk}"),
    ("referral form", "coach", lambda d: f"/dossiers/{d['dossier'].pk}/verwijzingen/nieuw"),
    ("referral detail", "coach", lambda d: f"/verwijzingen/{d['referral'].pk}"),
    ("referrals overview", "coach", lambda d: f"/teams/{d['team'].code}/verwijzingen"),
    ("team dashboard", "coach", lambda d: f"/teams/{d['team'].code}/dashboard?period={d['period']}"),
    ("organisation overview", "coach", lambda d: f"/cijfers/organisatie?period={d['period']}"),
    ("data-quality list", "coach",
     lambda d: f"/teams/{d['team'].code}/kwaliteit/zonder-nulmeting?period={d['period']}"),
    ("beheer start page", "beheer", lambda d: "/functioneel-beheer"),
    ("access log", "beheer", lambda d: "/toegangslog"),
    ("import bundle", "beheer", lambda d: "/importeren"),
    ("consent form", "coach", lambda d: f"/dossiers/{d['dossier'].pk}/toestemming/nieuw"),
    ("dossier history", "coach", lambda d: f"/dossiers/{d['dossier'].pk}/geschiedenis"),
    ("client history", "coach", lambda d: f"/clienten/{d['client'].pk}/geschiedenis"),
    ("changed figures", "coach", lambda d: f"/cijfers/revisies?period={d['period']}"),
    ("retention", "beheer", lambda d: "/bewaartermijn"),
    ("inzage", "beheer", lambda d: "/inzage"),
    ("second factor reset", "beheer", lambda d: "/functioneel-beheer/tweestaps/"),
]


@pytest.mark.parametrize(("name", "who", "url"), PAGES, ids=[p[0] for p in PAGES])
def test_page_fits_every_screen_and_passes_axe(page, screenshots, name, who, url):
    from axe_playwright_python.sync_playwright import Axe

    d = data()
    if who:
        log_in(page, d[who].username)
    axe = Axe()
    folder = screenshots / "layout"
    folder.mkdir(exist_ok=True)
    found = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url(d))
        page.wait_for_load_state("networkidle")
        problems = page.evaluate(LAYOUT_PROBLEMS) + serious(axe.run(page))
        page.screenshot(path=str(folder / f"{name.replace(' ', '-')}-{width}.png"), full_page=True)
        if problems:
            found[width] = problems
    assert found == {}
    # No script errors, no Content-Security-Policy violations (the 404 page itself is a 404).
    assert [p for p in page.problems if not (name == "not found" and "status of 404" in p)] == []
