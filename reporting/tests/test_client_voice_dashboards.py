"""The Client voice figures on the team dashboard (team against municipality) from the v3
sample's rows: a share over fewer than 5 answers to a statement is not shown there, while
the API keeps the exact row with its count."""

import pytest
from django.urls import reverse

from cases.models import Membership, Role, Team
from conftest import as_user
from exchange.importer import import_bundle
from reporting.compute import compute_periods
from reporting.tests.api_helpers import auth
from tests.bundles import importable_copy
from tests.html import plain
from tests.sample_paths import SAMPLES

FILES = ["teams.csv", "referrers.csv", "clients.csv", "dossiers.csv", "dossier_clients.csv", "zrm.csv",
         "questionnaires.csv"]


@pytest.fixture
def computed(db, tmp_path):
    assert import_bundle(importable_copy(SAMPLES / "v3-bundle", tmp_path / "b", files=FILES)).ok
    compute_periods(["2019-Q2"])


def test_the_team_dashboard_hides_shares_over_fewer_than_5_answers(client, computed, coach_a):
    team = Team.objects.get(code="binnenstad")
    Membership.objects.create(user=coach_a, team=team, role=Role.TEAMCOACH)
    as_user(client, coach_a)
    html = client.get(reverse("reporting:team_dashboard", args=[team.code]), {"period": "2019-Q2"}).content.decode()
    start = html.index('data-key="snel_geholpen"')
    row = plain(html[start:html.index("</tr>", start)])
    # binnenstad: 100 % of 2 answers; the municipality: 60 % of 5 answers
    assert "minder dan 5 antwoorden" in row and "100" not in row and "60,0" in row
    text = plain(html)
    assert "Cliëntervaring" in text or "Stem van de cliënt" in text
    assert 'data-key="client_experience_response_pct"' in html and 'data-key="regie_after"' not in html
    assert 'data-key="netwerk"' in html and 'data-key="samen"' in html


def test_the_api_keeps_the_exact_row_with_its_count(client, computed, api_token):
    body = client.get("/api/v1/indicators", {"period": "2019-Q2", "team": "binnenstad",
                                             "indicator": "client_experience_agree_pct"}, **auth(api_token)).json()
    rows = {r["dimension"]: (r["value"], r["count"]) for r in body["results"]}
    assert rows["snel_geholpen"] == (100.0, 2)
