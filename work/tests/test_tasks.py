"""Tasks: create, reassign, complete; for the dossier's team only."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import as_user
from work import services
from work.models import Task

DAY = dt.timedelta(days=1)


def test_create_reassign_complete(dossier, generalist_a, colleague_a, day):
    task = services.create_task(dossier, user=generalist_a, title="Bel de woningcorporatie", due_on=day + DAY)
    assert task.assignee is None  # the team as a whole
    services.reassign_task(task, user=generalist_a, assignee=colleague_a)
    task.refresh_from_db()
    assert task.assignee == colleague_a
    services.complete_task(task, user=colleague_a)
    task.refresh_from_db()
    assert task.done_by == colleague_a and not task.is_open
    with pytest.raises(ValidationError):
        services.complete_task(task, user=colleague_a)


def test_rules_all_at_once(dossier, generalist_a, generalist_b):
    with pytest.raises(ValidationError) as excinfo:
        services.create_task(dossier, user=generalist_a, title=" ", assignee=generalist_b,
                             due_on=dossier.registered_on - DAY)
    assert set(excinfo.value.message_dict) == {"title", "assignee", "due_on"}
    with pytest.raises(PermissionDenied):
        services.create_task(dossier, user=generalist_b, title="x")


def test_task_pages_are_scoped(client, dossier, generalist_a, generalist_b, day):
    task = services.create_task(dossier, user=generalist_a, title="Formulier invullen", due_on=day)
    as_user(client, generalist_b)
    assert client.post(reverse("work:task_complete", args=[dossier.pk, task.pk])).status_code == 404
    assert client.get(reverse("work:task_reassign", args=[dossier.pk, task.pk])).status_code == 404
    assert client.get(reverse("work:task_new", args=[dossier.pk])).status_code == 404
    as_user(client, generalist_a)
    response = client.post(reverse("work:task_new", args=[dossier.pk]), {"title": "Nog een taak", "due_on": ""})
    assert response.status_code == 302
    assert Task.objects.filter(title="Nog een taak").exists()
    page = client.get(reverse("cases:dossier", args=[dossier.pk]))
    assert "Nog een taak" in page.content.decode()
