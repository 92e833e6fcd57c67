"""Referral pages log the persons they show: the forms and the team's follow-up lists."""

import pytest
from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user


@pytest.mark.parametrize("url_name", ["maatwerk:decide", "maatwerk:care_period", "maatwerk:objection"])
def test_referral_forms_log_the_referred_person(client, generalist_a, requested, url_name):
    assert as_user(client, generalist_a).get(reverse(url_name, args=[requested.pk])).status_code == 200
    assert set(AccessLogEntry.objects.values_list("dossier_id", "client_id")) == {
        (requested.dossier_id, requested.client_id)}


def test_the_new_referral_form_logs_every_member_it_offers(client, generalist_a, dossier):
    assert as_user(client, generalist_a).get(reverse("maatwerk:new", args=[dossier.pk])).status_code == 200
    assert set(AccessLogEntry.objects.values_list("client_id", flat=True)) == set(
        dossier.members.values_list("client_id", flat=True))


def test_the_team_overview_logs_the_persons_listed(client, generalist_a, team_a, requested):
    before = AccessLogEntry.objects.count()
    response = as_user(client, generalist_a).get(reverse("maatwerk:team_overview", args=[team_a.code]))
    assert response.status_code == 200
    entries = AccessLogEntry.objects.order_by("id")[before:]
    assert {(e.dossier_id, e.client_id) for e in entries} == {(requested.dossier_id, requested.client_id)}
