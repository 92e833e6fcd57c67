"""No two category labels of a dashboard chart overlap, at 390 px and at 1280 px (issue 27,
item 16: the begintrede chart's eleven domain names ran into each other). Every ZRM 2013
domain is measured, so the "mean change by starting step" and "development per life domain"
charts carry all eleven names; the labels' boxes are taken from Chart.js itself (the drawn
tick labels, their lines, font and rotation)."""

import datetime as dt

import pytest
from django.utils import timezone

from cases.factories import ClientFactory, TeamFactory, user_with_role
from cases.models import Role
from reporting.compute import compute_periods
from reporting.factories import dossier, measurement
from reporting.periods import Period
from tests.browser.conftest import log_in, require_chromium
from zrm.models import Domain

require_chromium()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For each drawn category label: its box (lines x line height, the widest line), then the gap to
# the next label along the axis; a rotated label's gap is measured across its slant.
OVERLAPS = """() => {
  const found = [], drawn = [];
  document.querySelectorAll('.chart[data-chart] canvas').forEach((canvas) => {
    const chart = window.Chart.getChart(canvas);
    if (!chart) return;
    const key = canvas.closest('[data-chart]').getAttribute('data-chart');
    for (const scale of Object.values(chart.scales)) {
      if (scale.type !== 'category') continue;
      drawn.push(key);
      const boxes = scale.getLabelItems().map((item) => {
        const lines = Array.isArray(item.label) ? item.label : [item.label];
        chart.ctx.font = item.font.string;
        return {
          text: lines.join(' '), x: item.options.translation[0], y: item.options.translation[1],
          width: Math.max(...lines.map((line) => chart.ctx.measureText(line).width)),
          height: lines.length * item.font.lineHeight, rotation: item.options.rotation || 0,
        };
      });
      for (let i = 1; i < boxes.length; i++) {
        const a = boxes[i - 1], b = boxes[i];
        let gap;
        if (!scale.isHorizontal()) gap = Math.abs(b.y - a.y) - (a.height + b.height) / 2;
        else if (a.rotation === 0) gap = Math.abs(b.x - a.x) - (a.width + b.width) / 2;
        else gap = Math.abs(b.x - a.x) * Math.abs(Math.sin(a.rotation)) - Math.max(a.height, b.height);
        if (gap < 0) found.push(`${key}: "${a.text}" and "${b.text}" overlap by ${Math.round(-gap)} px`);
      }
    }
  });
  return {found, drawn};
}"""


def build():
    today = timezone.localdate()
    quarter = Period.quarter_of(today)
    day = lambda n: min(quarter.start + dt.timedelta(days=n), today)  # noqa: E731
    team = TeamFactory(code="zuid", name="Buurtteam Zuid")
    coach = user_with_role(Role.TEAMCOACH, team, username="coach-zuid")
    domains = list(Domain.objects.filter(instrument__code="zrm-2013").values_list("code", flat=True))
    assert len(domains) == 11
    for n in range(5):
        d = dossier(team, day(n), members=[ClientFactory()], support_started_on=day(n + 1), closed_on=day(n + 3))
        measurement(d, "nulmeting", day(n + 1), {code: 1 + (n + i) % 5 for i, code in enumerate(domains)})
        measurement(d, "eindmeting", day(n + 2), {code: 1 + (n + i + 1) % 5 for i, code in enumerate(domains)})
    compute_periods([quarter])
    return team, coach, quarter


def test_no_chart_labels_overlap_on_a_phone_or_a_laptop(page):
    team, coach, quarter = build()
    log_in(page, coach.username)
    problems = []
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"/teams/{team.code}/dashboard?period={quarter.code}")
        page.locator('.chart[data-chart="zrm_by_step"]').wait_for(state="visible")
        result = page.evaluate(OVERLAPS)
        assert {"zrm_by_step", "zrm_development"} <= set(result["drawn"]), result["drawn"]
        problems += [f"{width} px: {overlap}" for overlap in result["found"]]
    assert not problems, "\n".join(problems)
    assert not page.problems, page.problems
