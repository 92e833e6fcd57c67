"""The Wmo toegang figures on the team dashboard (team against municipality) and the estimated
cost of granted maatwerk per team and iWmo category on the organisation overview, from the
v3 sample's rows."""

import pytest
from django.urls import reverse

from cases.models import Membership, Role, Team
from conftest import as_user
from exchange.importer import import_bundle
from reporting.compute import compute_periods
from tests.bundles import importable_copy
from tests.html import plain
from tests.sample_paths import SAMPLES

FILES = ["teams.csv", "referrers.csv", "providers.csv", "products.csv", "clients.csv", "dossiers.csv",
         "dossier_clients.csv", "wmo_meldingen.csv", "referrals.csv"]


@pytest.fixture
def computed(db, tmp_path):
    assert import_bundle(importable_copy(SAMPLES / "v3-bundle", tmp_path / "b", files=FILES)).ok
    compute_periods(["2019-Q2"])


def test_the_team_dashboard_shows_the_family(client, computed, coach_a):
    team = Team.objects.get(code="binnenstad")
    Membership.objects.create(user=coach_a, team=team, role=Role.TEAMCOACH)
    as_user(client, coach_a)
    html = client.get(reverse("reporting:team_dashboard", args=[team.code]), {"period": "2019-Q2"}).content.decode()
    assert 'data-indicator="wmo_onderzoek_in_term_pct"' in html
    text = plain(html)
    assert "51170,00" in text  # maatwerk_cost_granted of binnenstad, 2019-Q2
    assert "15 beschermd wonen" in text


def test_the_organisation_overview_shows_the_cost_per_team_and_category(client, computed, beleid):
    as_user(client, beleid)
    text = plain(client.get(reverse("reporting:organisation"), {"period": "2019-Q2"}).content)
    assert "Geschatte kosten van het toegekende maatwerk" in text
    assert "71140,09" in text and "19970,09" in text
