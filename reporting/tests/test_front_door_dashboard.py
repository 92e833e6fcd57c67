"""The front door on the team dashboard: the quarter's early signals (received, first attempt in
term, contact made, help accepted) and short contacts by channel and topic, team against
municipality, from the v3 sample's rows."""

import pytest
from django.urls import reverse

from cases.models import Membership, Role, Team
from conftest import as_user
from exchange.importer import import_bundle
from reporting.compute import compute_periods
from tests.bundles import importable_copy
from tests.html import plain
from tests.sample_paths import SAMPLES

FILES = ["teams.csv", "referrers.csv", "clients.csv", "dossiers.csv", "dossier_clients.csv", "team_areas.csv",
         "short_contacts.csv", "signals.csv", "signal_attempts.csv"]


@pytest.fixture
def computed(db, tmp_path):
    assert import_bundle(importable_copy(SAMPLES / "v3-bundle", tmp_path / "b", files=FILES)).ok
    compute_periods(["2019-Q2"])


def test_the_team_dashboard_shows_signals_and_short_contacts(client, computed, coach_a):
    team = Team.objects.get(code="binnenstad")
    Membership.objects.create(user=coach_a, team=team, role=Role.TEAMCOACH)
    as_user(client, coach_a)
    html = client.get(reverse("reporting:team_dashboard", args=[team.code]), {"period": "2019-Q2"}).content.decode()
    for indicator in ("signals_received", "signal_first_attempt_in_term_pct", "signal_contact_pct",
                      "signal_help_accepted_pct"):
        assert f'data-indicator="{indicator}"' in html
    assert 'data-key="channel:inloop"' in html and 'data-key="topic:financien"' in html
    text = plain(html)
    assert "Korte contacten per kanaal" in text and "Financiën" in text


def test_the_api_and_the_csv_download_serve_both_families(client, computed):
    from reporting.models import ApiClient
    from reporting.tests.api_helpers import auth

    _api, token = ApiClient.create_with_token("gemeente-voordeur")
    response = client.get("/api/v1/indicators", {"period": "2019-Q2", "indicator": "signals_received"}, **auth(token))
    assert response.status_code == 200
    rows = response.json()["results"]
    assert any(r["indicator"] == "signals_received" and r["value"] == 35.0 and r["team"] in (None, "")
               for r in rows), rows[:3]
    csv = client.get("/api/v1/indicators.csv", {"period": "2019-Q2", "indicator": "short_contacts"}, **auth(token))
    assert csv.status_code == 200 and b"short_contacts" in b"".join(csv.streaming_content if csv.streaming
                                                                     else [csv.content])
