"""``{% frozen_panel period team %}``: whether the period is frozen (by whom, when), the
"vaststellen" button for policy staff and the key figures "vastgesteld" next to "actueel".
A tag of its own, so the dashboards' views and templates need one line each."""

from django import template

from cases.permissions import can_freeze
from reporting.dashboards.frozen import frozen_status

register = template.Library()


@register.inclusion_tag("reporting/_frozen.html", takes_context=True)
def frozen_panel(context, period, team=None):
    request = context["request"]
    return {
        "status": frozen_status(period, team),
        "team": team,
        "can_freeze": can_freeze(request.user),
        "next_url": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
        "period_is_quarter": period.is_quarter,
    }
