"""Frozen figures on the pages: the overview and the team dashboard say whether the period
is frozen, by whom and when, and show "vastgesteld" next to "actueel" with every change
marked in text (not by colour alone); the revisions page lists the changed figures and
links team members - only them - to the dossiers behind their team's figures."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from reporting.factories import dossier
from reporting.freezing import freeze_period
from reporting.models import IndicatorRow
from reporting.tests.frozen_helpers import computed_rows

PERIOD = "2019-Q2"
OVERVIEW = reverse("reporting:organisation") + f"?period={PERIOD}"
REVISIONS = reverse("reporting:revisions") + f"?period={PERIOD}"


def dashboard(team):
    return reverse("reporting:team_dashboard", args=[team.code]) + f"?period={PERIOD}"


def dossiers_url(team):
    return reverse("reporting:revision_dossiers", args=[team.code]) + f"?period={PERIOD}"


@pytest.fixture
def frozen(team_a, team_b, beleid):
    computed_rows(PERIOD, [team_a, team_b])
    version = freeze_period(PERIOD, beleid)[0]
    IndicatorRow.objects.filter(period=PERIOD, team=team_a, indicator="dossiers_registered").update(value=12.0)
    return version


def changed_rows(page: str) -> list[str]:
    return re.findall(r'<tr class="utrecht-table__row changed"[^>]*data-indicator="([a-z_]+)"', page)


def test_overview_shows_frozen_and_current_side_by_side(client, beleid, frozen):
    as_user(client, beleid)
    page = client.get(OVERVIEW).content.decode()
    assert f"Vastgesteld als versie 1 door {beleid.get_full_name()} op" in page
    assert "Sindsdien is 1 kerncijfer gewijzigd." in page
    assert changed_rows(page) == ["dossiers_registered"]
    row = page.split('<tr class="utrecht-table__row changed"')[1].split("</tr>")[0]
    assert "Buurtteam A" in row and ">2<" in row and ">12<" in row
    assert "gewijzigd" in row and "⚠" in row, "the change is said in text, not only by colour"
    assert page.count(">gelijk<") == 3 * 13 - 1, "every other key figure of the teams and the municipality"


def test_team_dashboard_shows_the_team_figures(client, coach_a, team_a, team_b, frozen):
    as_user(client, coach_a)
    page = client.get(dashboard(team_a)).content.decode()
    assert "Vastgesteld als versie 1" in page and changed_rows(page) == ["dossiers_registered"]
    assert "Vaststellen" not in page, "the button is for beleid"
    other = client.get(dashboard(team_b)).content.decode()
    assert "De kerncijfers zijn sindsdien niet gewijzigd." in other and changed_rows(other) == []


def test_not_frozen(client, beleid, team_a):
    computed_rows(PERIOD, [team_a])
    as_user(client, beleid)
    assert "Deze periode is niet vastgesteld" in client.get(OVERVIEW).content.decode()
    page = client.get(REVISIONS).content.decode()
    assert "Deze periode is nog niet vastgesteld" in page


def test_revisions_for_beleid_aggregates_only(client, beleid, team_a, team_b, frozen):
    IndicatorRow.objects.filter(period=PERIOD, team=team_b, indicator="waiting_days_mean").update(value=None)
    as_user(client, beleid)
    page = client.get(REVISIONS).content.decode()
    assert re.findall(r'data-team="([a-z-]*)" data-indicator="([a-z_]+)"', page) == [
        ("team-a", "dossiers_registered"), ("team-b", "waiting_days_mean")]
    assert "2 gewijzigde cijfers" in page and "geen cijfer" not in page and "–" in page
    assert page.count("alleen het totaal") == 2 and "/revisies?" not in page.replace(REVISIONS, "")


def test_revisions_for_a_member_link_to_the_dossiers(client, generalist_a, team_a, team_b, frozen):
    IndicatorRow.objects.filter(period=PERIOD, team=team_b, indicator="waiting_days_mean").update(value=None)
    as_user(client, generalist_a)
    page = client.get(REVISIONS).content.decode()
    assert re.findall(r'data-team="([a-z-]*)" data-indicator', page) == ["team-a"], "own team only"
    assert f'href="{dossiers_url(team_a)}"' in page.replace("&amp;", "&")


def test_the_dossiers_behind_the_changes(client, generalist_a, generalist_b, beleid, team_a, frozen):
    before = dossier(team_a, dt.date(2019, 4, 2))
    before.__class__.objects.filter(pk=before.pk).update(updated_at=frozen.frozen_at - dt.timedelta(hours=1))
    after = dossier(team_a, dt.date(2019, 5, 2))  # registered after the freeze
    dossier(team_a, dt.date(2019, 8, 2))  # after the period
    as_user(client, generalist_a)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(dossiers_url(team_a))
    assert response.status_code == 200
    assert len(queries) == 11, [q["sql"][:80] for q in queries.captured_queries]
    # 1 session, 2 user, 3 the user's second-factor device, 4 roles (memberships), 5 the team (for_user),
    # 6 the latest frozen version, 7 count of the dossiers, 8 the page of dossiers, 9 their members with
    # clients, 10 the access-log insert, 11 the user's teams for the menu (context processor)
    page = response.content.decode()
    assert f'href="{after.get_absolute_url()}"' in page and f'href="{before.get_absolute_url()}"' not in page
    assert "1 dossier" in page
    assert AccessLogEntry.objects.filter(client_id__in=after.members.values("client_id")).exists()
    for user in (generalist_b, beleid):
        as_user(client, user)
        assert client.get(dossiers_url(team_a)).status_code == 404


def test_not_frozen_has_no_dossier_list(client, generalist_a, team_a):
    as_user(client, generalist_a)
    assert client.get(dossiers_url(team_a)).status_code == 404
