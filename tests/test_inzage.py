"""Inzage (AVG art. 15, docs/adr/0112): complete (every model with a client or dossier link
has its section, and with rows when it holds any), readable (PDF and JSON), logged, and
only for functional administrators."""

import json

import pytest
from django.apps import apps
from django.db.models import ForeignKey, OneToOneField
from django.urls import reverse

from cases import inzage
from cases.factories import user_with_role
from cases.models import AccessAction, AccessLogEntry, Client, Dossier, Role
from conftest import as_user
from tests.retention_world import RetentionWorld

# Not about a person: the administration of destruction itself (dossier numbers only).
NOT_ABOUT_A_PERSON = {"cases.DestructionItem"}
# Apps still adding their section (must fail once covered: then remove the entry).
PENDING: dict[str, str] = {}


def linked_models() -> dict[str, list[str]]:
    """{model label: its fields linking to a client or dossier} of every app."""
    found = {}
    for model in apps.get_models():
        links = [f.name for f in model._meta.concrete_fields
                 if isinstance(f, ForeignKey | OneToOneField) and f.related_model in (Client, Dossier)]
        if links and model._meta.label not in NOT_ABOUT_A_PERSON:
            found[model._meta.label] = links
    return found


@pytest.fixture
def world(team_a, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return RetentionWorld(team_a, tmp_path=tmp_path)


@pytest.mark.django_db
def test_every_model_about_a_client_or_dossier_has_its_section(world):
    person = world.old_clients[0]
    sections = {s.model: s for s in inzage.collect(person)}
    dossier_ids = [world.old.pk]
    missing, empty, covered_pending = [], [], []
    for label, links in linked_models().items():
        pending = label in PENDING or label.split(".")[0] in PENDING
        if label not in sections:
            if not pending:
                missing.append(label)
            continue
        if pending:
            covered_pending.append(label)
        model = apps.get_model(label)
        holds = any(model._base_manager.filter(**{f"{link}_id__in": [person.pk] if
                                                  model._meta.get_field(link).related_model is Client
                                                  else dossier_ids}).exists() for link in links)
        if holds and not sections[label].rows:
            empty.append(label)
    assert not missing, f"no inzage section for {missing}: register one in the app (cases.extensions)"
    assert not empty, f"sections without the rows stored: {empty}"
    assert not covered_pending, f"covered now, remove from PENDING: {covered_pending}"
    assert len(linked_models()) >= 18


@pytest.mark.django_db
def test_the_export_holds_the_persons_data_and_who_accessed_it(client, world, beheer):
    person = world.old_clients[0]
    as_user(client, beheer)
    response = client.post(reverse("cases:inzage_json", args=[person.pk]))
    assert response.status_code == 200
    data = json.loads(response.content)
    text = response.content.decode()
    for value in (person.given_name, person.family_name, person.bsn, person.address,
                  f"Gesprek met {person.given_name}", "Schulden op ordeXZq", "BuurvrouwXZq"):
        assert value in text
    log = next(s for s in data["sections"] if s["model"] == "cases.AccessLogEntry")
    shown = world.worker.get_full_name() or world.worker.username
    assert any(row["gebruiker"] == shown for row in log["rows"])
    assert {"Persoonsgegevens", "Journaal", "Doelen", "ZRM-metingen"} <= {s["title"] for s in data["sections"]}
    # Not another member's own rows: the second member's measurement stays out.
    other = world.old_clients[1]
    assert other.bsn not in text

    pdf = client.post(reverse("cases:inzage_pdf", args=[person.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and len(pdf.content) > 2000


@pytest.mark.django_db
def test_every_export_and_look_is_logged(client, world, beheer):
    person = world.old_clients[0]
    as_user(client, beheer)
    assert client.get(reverse("cases:inzage"), {"client": person.bsn}).status_code == 200
    client.post(reverse("cases:inzage_pdf", args=[person.pk]))
    client.post(reverse("cases:inzage_json", args=[person.pk]))
    entries = AccessLogEntry.objects.filter(user=beheer, client=person).order_by("id")
    assert [(e.action, e.detail) for e in entries] == [
        (AccessAction.VIEW, "inzage (AVG art. 15): overzicht"),
        (AccessAction.EXPORT, "inzage (AVG art. 15): PDF"),
        (AccessAction.EXPORT, "inzage (AVG art. 15): JSON"),
    ]


@pytest.mark.django_db
def test_only_functional_administrators_export(client, world, generalist_a, coach_a, beleid):
    person = world.old_clients[0]
    for user in (generalist_a, coach_a, beleid, world.worker):
        as_user(client, user)
        assert client.get(reverse("cases:inzage"), {"client": person.bsn}).status_code == 403
        for name in ("cases:inzage_pdf", "cases:inzage_json"):
            assert client.post(reverse(name, args=[person.pk])).status_code == 403
    assert not AccessLogEntry.objects.filter(client=person, action=AccessAction.EXPORT).exists()
    client.logout()
    assert client.post(reverse("cases:inzage_pdf", args=[person.pk])).status_code == 302  # to the login


@pytest.mark.django_db
def test_an_export_is_a_post(client, world, beheer):
    as_user(client, beheer)
    assert client.get(reverse("cases:inzage_pdf", args=[world.old_clients[0].pk])).status_code == 405
    assert not AccessLogEntry.objects.filter(action=AccessAction.EXPORT).exists()


@pytest.mark.django_db
def test_an_unknown_client_is_said_next_to_the_field(client, world, beheer):
    as_user(client, beheer)
    html = client.get(reverse("cases:inzage"), {"client": "000000000"}).content.decode()
    assert "Geen cliënt gevonden" in html and 'aria-invalid="true"' in html
    assert user_with_role(Role.BEHEER, None, username="beheer-2")  # a second one changes nothing
