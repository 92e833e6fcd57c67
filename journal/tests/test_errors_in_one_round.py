"""The journal form shows a date rule together with the required text left empty (one round)."""

import datetime as dt

from django.urls import reverse

from cases.factories import household
from cases.services import today
from conftest import as_user


def test_entry_form_shows_the_date_rule_with_the_missing_text(client, generalist_a, team_a):
    dossier = household(team_a, members=1, registered_on=today() - dt.timedelta(days=10))
    as_user(client, generalist_a)
    response = client.post(reverse("journal:new", args=[dossier.pk]), {
        "written_on": (today() - dt.timedelta(days=30)).isoformat(), "kind": "huisbezoek", "text": ""})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"written_on", "text"}
    assert "aanmelddatum" in errors["written_on"][0]
