"""No table's content is clipped: at 390, 768 and 1280 px every table either fits its box or
sits in a box that scrolls sideways (with the shadow cue of app.css), and no cell hides its
text; the page itself does not scroll sideways; the scroll cue's covers have the colour of what
is behind the table (white strips showed on the grey page); a caption wraps within the visible
box (the end of a long one was cut off at 390 px). Checked on the pages with the
widest tables."""

import pytest

from tests.browser.conftest import log_in, require_chromium
from tests.browser.test_layout_browser import data

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (390, 768, 1280)

CLIPPED_TABLES = r"""() => {
  const problems = [];
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  for (const table of document.querySelectorAll("main table")) {
    if (!table.getClientRects().length) continue;
    const right = table.getBoundingClientRect().right;
    for (let up = table.parentElement; up && up !== document.body; up = up.parentElement) {
      const box = up.getBoundingClientRect();
      if (scrolls(up)) break;  // the table scrolls inside this box: nothing is lost
      const style = getComputedStyle(up);
      if (["hidden", "clip"].includes(style.overflowX) && right > box.right + 1) {
        problems.push(`table ${table.className} clipped by ${up.tagName.toLowerCase()}.${up.className}`);
        break;
      }
    }
    if (right > window.innerWidth + 1 && ![...ancestors(table)].some(scrolls)) {
      problems.push(`table ${table.className} runs off the screen: ${Math.round(right)} > ${window.innerWidth}`);
    }
    for (const cell of table.querySelectorAll("th, td")) {
      const style = getComputedStyle(cell);
      if (["hidden", "clip"].includes(style.overflowX) && cell.scrollWidth > cell.clientWidth + 1) {
        problems.push(`a cell of ${table.className} hides its text`);
        break;
      }
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) problems.push("the page scrolls sideways");
  for (const box of document.querySelectorAll("main .utrecht-table-container")) {
    let up = box.parentElement;
    while (up && getComputedStyle(up).backgroundColor === "rgba(0, 0, 0, 0)") up = up.parentElement;
    const cover = (getComputedStyle(box).backgroundImage.match(/rgba?\([^)]*\)/) || [""])[0];
    const behind = up ? getComputedStyle(up).backgroundColor : "";
    if (cover !== behind) problems.push(`a table's scroll cue is ${cover} on ${behind}`);
    const caption = box.querySelector(":scope > table > caption");
    if (caption && caption.getBoundingClientRect().right > box.getBoundingClientRect().right + 1) {
      problems.push(`the caption "${caption.innerText.slice(0, 40)}" runs past its box`);
    }
  }
  return problems;
  function* ancestors(el) { for (let up = el.parentElement; up; up = up.parentElement) yield up; }
}"""

PAGES = [
    ("organisation overview", lambda d: f"/cijfers/organisatie?period={d['period']}"),
    ("team dashboard", lambda d: f"/teams/{d['team'].code}/dashboard?period={d['period']}"),
    ("zrm entry", lambda d: f"/dossiers/{d['dossier'].pk}/zrm/nieuw"),
    ("my dossiers", lambda d: "/dossiers"),
    ("team dossiers", lambda d: f"/teams/{d['team'].code}/dossiers"),
    ("referrals overview", lambda d: f"/teams/{d['team'].code}/verwijzingen"),
    ("caseload", lambda d: f"/teams/{d['team'].code}/caseload"),
]


def test_no_table_is_clipped_at_any_width(page):
    d = data()
    log_in(page, d["coach"].username)
    found = {}
    for name, url in PAGES:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url(d))
            page.wait_for_load_state("networkidle")
            problems = page.evaluate(CLIPPED_TABLES)
            if problems:
                found[f"{name} {width}"] = problems
    assert found == {}
