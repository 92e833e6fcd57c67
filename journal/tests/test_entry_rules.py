"""The rules of a new entry, all problems at once and next to their field."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases.factories import ClientFactory
from cases.services import close_dossier, today
from conftest import as_user
from journal import services

DAY = dt.timedelta(days=1)


def test_every_problem_at_once(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.write_entry(dossier, user=generalist_a, written_on=today() + DAY, kind="roddel", text=" ",
                             minutes=601, client=ClientFactory())
    assert set(excinfo.value.message_dict) == {"written_on", "kind", "text", "minutes", "client"}


def test_not_before_registration(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.write_entry(dossier, user=generalist_a, written_on=dossier.registered_on - DAY, kind="telefoon",
                             text="x")
    assert "written_on" in excinfo.value.message_dict


def test_other_team_and_closed_dossier_are_refused(dossier, generalist_a, generalist_b):
    with pytest.raises(PermissionDenied):
        services.write_entry(dossier, user=generalist_b, written_on=today(), kind="telefoon", text="x")
    close_dossier(dossier, user=generalist_a, closed_on=today(), closure_reason="volgens_plan")
    with pytest.raises(ValidationError):
        services.write_entry(dossier, user=generalist_a, written_on=today(), kind="telefoon", text="x")


def test_the_form_keeps_what_was_typed_and_shows_errors_by_field(client, dossier, generalist_a):
    as_user(client, generalist_a)
    response = client.post(reverse("journal:new", args=[dossier.pk]), {
        "written_on": (dossier.registered_on - DAY).isoformat(), "kind": "telefoon", "minutes": "30",
        "text": "Lang verhaal dat niet verloren mag gaan",
    })
    assert response.status_code == 200
    form = response.context["form"]
    assert "written_on" in form.errors
    assert "Lang verhaal dat niet verloren mag gaan" in response.content.decode()


def test_writing_through_the_page(client, dossier, generalist_a):
    as_user(client, generalist_a)
    member = dossier.members.first()
    response = client.post(reverse("journal:new", args=[dossier.pk]), {
        "written_on": today().isoformat(), "kind": "huisbezoek", "minutes": "45", "text": "Op bezoek geweest",
        "client": str(member.client_id), "confidential": "on",
    })
    assert response.status_code == 302
    entry = dossier.journal_entries.get()
    assert (entry.kind, entry.minutes, entry.client_id, entry.confidential, entry.author) == (
        "huisbezoek", 45, member.client_id, True, generalist_a)
