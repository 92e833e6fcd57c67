"""No English or technical text reaches users: the access log's details are Dutch, its CSV
names actions in Dutch, the admin's user form is Dutch, and the client page shows no
technical source key."""

import csv
import datetime as dt
import io
import re

from django.urls import reverse

from cases.factories import ClientFactory
from cases.models import AccessAction, AccessLogEntry
from conftest import as_user
from reporting.factories import dossier


def test_a_data_quality_list_is_logged_in_dutch(client, generalist_a, team_a):
    as_user(client, generalist_a).get(reverse("reporting:quality_list", args=[team_a.code, "zonder-nulmeting"]))
    detail = AccessLogEntry.objects.get(action=AccessAction.VIEW).detail
    assert detail.startswith("datakwaliteitslijst") and "zonder-nulmeting" not in detail, detail


def test_the_access_log_csv_names_actions_in_dutch(client, beheer, generalist_a, team_a):
    person = ClientFactory()
    as_user(client, generalist_a).get(reverse("cases:client", args=[person.pk]))
    response = as_user(client, beheer).get(reverse("cases:access_log_export", args=[person.pk]))
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";" if ";" in text.splitlines()[0] else ","))
    actions = {row[2] for row in rows[1:]}
    assert actions and actions <= {"bekeken", "aangemaakt", "gewijzigd", "geëxporteerd", "gezocht"}, actions


def test_the_admin_user_form_is_dutch(client, beheer):
    html = as_user(client, beheer).get(reverse("admin:auth_user_add")).content.decode()
    assert "After you" not in html


def test_the_client_page_shows_no_source_key(client, generalist_a, team_a):
    person = dossier(team_a, dt.date(2026, 1, 5)).members.get().client
    html = as_user(client, generalist_a).get(reverse("cases:client", args=[person.pk])).content.decode()
    assert person.ref not in html and "Bronsleutel" not in html


def test_changed_figures_show_names_counts_without_decimals_and_no_unchanged_rounding(client, beleid, team_a):
    from reporting.freezing import freeze_period
    from reporting.models import IndicatorRow
    from reporting.tests.frozen_helpers import computed_rows

    computed_rows("2019-Q2", [team_a], indicators=("dossiers_registered", "caseload_per_fte"))
    IndicatorRow.objects.filter(period="2019-Q2", indicator="caseload_per_fte").update(value=1.5)
    freeze_period("2019-Q2", beleid)
    rows = IndicatorRow.objects.filter(period="2019-Q2", team=team_a, dimension="")
    rows.filter(indicator="dossiers_registered").update(value=591)
    rows.filter(indicator="caseload_per_fte").update(value=1.5000001)  # "1,50 → 1,50": no change to a reader
    html = as_user(client, beleid).get(reverse("reporting:revisions"), {"period": "2019-Q2"}).content.decode()
    visible = re.sub(r"<[^>]+>", " ", html)
    assert "dossiers_registered" not in visible and "caseload_per_fte" not in visible and "<code>" not in html
    assert "Aangemelde dossiers" in html and "591,00" not in html
    assert "591" in html and "Caseload per fte" not in html


def test_the_lead_worker_message_is_pluralised_and_says_when_nothing_changed(client, coach_a, generalist_a, team_a):
    from cases.factories import household

    one = household(team_a, lead_worker=None)
    url = reverse("work:intake", args=[team_a.code])
    response = as_user(client, coach_a).post(url, {"dossiers": [one.pk], "lead_worker": generalist_a.pk}, follow=True)
    text = " ".join(str(m) for m in response.context["messages"])
    assert "1 dossier heeft nu" in text and "(s)" not in text
    url = reverse("work:worker_dossiers", args=[team_a.code, generalist_a.pk])
    response = client.post(url, {"dossiers": [one.pk], "lead_worker": generalist_a.pk}, follow=True)
    assert "was al de regisseur" in " ".join(str(m) for m in response.context["messages"]), response.redirect_chain


def test_a_figure_and_its_count_are_apart_and_the_waiting_list_names_its_moment(client, coach_a, team_a):
    from pathlib import Path

    templates = Path(__file__).resolve().parents[1] / "reporting" / "templates" / "reporting"
    for template in templates.glob("*.html"):
        assert '"n">n=' not in template.read_text(), template.name  # "9n=9"
    assert "Waiting list at the last computation" in (templates / "team_dashboard.html").read_text()
