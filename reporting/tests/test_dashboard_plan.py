"""The "Plan en inzet" section of the team dashboard: the Plan family rows of the reporting
table for the team and the municipality, new support by kanteling as a chart with its table."""

import datetime as dt
import json

from django.urls import reverse

from conftest import as_user
from plans.factories import ActionFactory, GoalFactory, NetworkContactFactory, PlanFactory
from reporting.compute import compute_periods
from reporting.factories import dossier
from tests.html import plain

D = dt.date
Q3 = "2026-Q3"


def populate(team_a, team_b):
    a1 = dossier(team_a, D(2026, 7, 1), closed_on=D(2026, 8, 20), closure_reason="volgens_plan")
    PlanFactory(dossier=a1, agreed_on=D(2026, 7, 11))
    GoalFactory(dossier=a1, domain="financien", direction="verbeteren", set_on=D(2026, 7, 2), status="behaald",
                status_on=D(2026, 8, 1))
    GoalFactory(dossier=a1, domain="huisvesting", direction="stabiliseren", set_on=D(2026, 7, 2),
                status="niet_behaald", status_on=D(2026, 8, 1))
    ActionFactory(dossier=a1, kanteling="eigen_kracht", starts_on=D(2026, 7, 5))
    ActionFactory(dossier=a1, kanteling="maatwerk", starts_on=D(2026, 7, 6))
    ActionFactory(dossier=a1, kanteling="sociaal_netwerk", existing=True, starts_on=None)
    NetworkContactFactory(dossier=a1)
    dossier(team_a, D(2026, 7, 3))  # no plan, no network
    b1 = dossier(team_b, D(2026, 7, 2))
    ActionFactory(dossier=b1, kanteling="eigen_kracht", starts_on=D(2026, 7, 9))
    ActionFactory(dossier=b1, kanteling="algemene_voorziening", starts_on=D(2026, 7, 9))
    compute_periods([Q3])


def row_text(html: str, marker: str) -> str:
    start = html.index(marker)
    return plain(html[start:html.index("</tr>", start)])


def test_plan_section_shows_the_team_against_the_municipality(client, coach_a, team_a, team_b):
    populate(team_a, team_b)
    as_user(client, coach_a)
    response = client.get(reverse("reporting:team_dashboard", args=[team_a.code]) + f"?period={Q3}")
    html = response.content.decode()
    assert "Plan en inzet" in html
    assert "1" in row_text(html, 'data-indicator="plans_agreed"')
    assert "100,0%" in row_text(html, 'data-indicator="closed_with_agreed_plan_pct"')  # a1, the one closed
    assert "50,0%" in row_text(html, 'data-indicator="network_mapped_pct"')
    # new support: team eigen kracht 1 of 2 (50 %), municipality 2 of 4 (50 %); maatwerk 50 % / 25 %
    maatwerk = row_text(html, 'data-key="maatwerk"')
    assert "50,0%" in maatwerk and "25,0%" in maatwerk
    assert "100,0%" in row_text(html, 'data-key="sociaal_netwerk"')  # the existing support
    assert "Financiën" in row_text(html, 'data-key="domain:financien"')
    charts = json.loads(html.split('id="dashboard-charts" type="application/json">')[1].split("</script>")[0])
    assert charts["kanteling"]["datasets"][0]["data"] == [50.0, None, None, 50.0]
    assert charts["kanteling"]["datasets"][1]["data"] == [50.0, None, 25.0, 25.0]
