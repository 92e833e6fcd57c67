"""No English or technical text reaches users: the access log's details are Dutch, its CSV
names actions in Dutch, the admin's user form is Dutch, and the client page shows no
technical source key."""

import csv
import datetime as dt
import io

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
