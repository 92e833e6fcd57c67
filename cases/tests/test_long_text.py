"""Long text: the request summary has a maximum length (2000) that the form states with a
character counter and refuses above, keeping what was typed; the counter is tied to the
field for screen readers, and there is no maxlength attribute that would silently cut off
a long paste. (That a long text and an 80-character name wrap on screen is checked in the
browser, tests/browser/test_layout_browser.py.)"""

import datetime as dt

from django.urls import reverse

from conftest import as_user
from reporting.factories import dossier


def test_the_form_refuses_a_too_long_summary_and_keeps_it(client, generalist_a, team_a):
    target = dossier(team_a, dt.date(2026, 1, 5), lead_worker=generalist_a)
    text = "x" * 2001
    response = as_user(client, generalist_a).post(
        reverse("cases:edit_details", args=[target.pk]),
        {"registered_on": "2026-01-05", "lead_worker": generalist_a.pk, "request_summary": text})
    assert response.status_code == 200
    assert "request_summary" in response.context["form"].errors
    html = response.content.decode()
    assert text in html  # nothing typed is lost
    assert "Maximaal 2000 tekens" in html


def test_the_counter_belongs_to_the_field(client, generalist_a, team_a):
    target = dossier(team_a, dt.date(2026, 1, 5), lead_worker=generalist_a)
    html = as_user(client, generalist_a).get(reverse("cases:edit_details", args=[target.pk])).content.decode()
    field = html[html.index("<textarea"):html.index("</textarea>")]
    assert 'data-maxlength="2000"' in field and "id_request_summary_counter" in field
    assert "maxlength=" not in field.replace("data-maxlength", "")
    assert 'id="id_request_summary_counter" data-counter-for="id_request_summary"' in html
