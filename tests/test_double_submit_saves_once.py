"""Issue 26: a journal entry or a task sent twice (the same rendered form POSTed twice, one
after the other or at the same moment) is saved once, and the second sending lands where the
first did with a Dutch message (cases.form_keys, docs/adr/0220-idempotent-form-posts.md).

Real Redis (the shared cache that holds the keys in production) and, for the concurrent
sendings, real PostgreSQL with two connections."""

import re
import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from cases.factories import household
from conftest import REQUIRE_SERVICES, as_user
from journal.models import JournalEntry
from work.models import Task

ALREADY = "Dit formulier was al verzonden"


def _form_key(page) -> str:
    assert page.status_code == 200, page.status_code
    found = re.search(rb'name="form_key" value="([^"]+)"', page.content)
    assert found, "the form renders no one-time key"
    return found.group(1).decode()


def _journal(dossier):
    url = reverse("journal:new", args=[dossier.pk])
    data = {"written_on": "2026-12-01", "kind": "telefoon", "text": "Gebeld over de huur.", "minutes": "10"}
    return url, data, lambda: JournalEntry.objects.filter(dossier=dossier).count()


def _task(dossier):
    url = reverse("work:task_new", args=[dossier.pk])
    data = {"title": "Bel de woningcorporatie", "assignee": "", "due_on": ""}
    return url, data, lambda: Task.objects.filter(dossier=dossier, title=data["title"]).count()


FORMS = {"journal entry": _journal, "task": _task}


@pytest.mark.parametrize("form", FORMS)
def test_a_form_sent_twice_is_saved_once(client, team_a, generalist_a, redis_cache, form):
    dossier = household(team_a, lead_worker=generalist_a)
    dossier.workers.add(generalist_a)
    as_user(client, generalist_a)
    url, data, rows = FORMS[form](dossier)
    data["form_key"] = _form_key(client.get(url))

    first = client.post(url, data)
    second = client.post(url, data)

    assert first.status_code == 302, first.content[:2000]
    assert rows() == 1
    assert second.status_code == 302 and second["Location"] == first["Location"]
    landed = client.get(second["Location"])
    assert ALREADY in landed.content.decode()
    # A fresh render is a new key: sending the form again on purpose saves a second row.
    data["form_key"] = _form_key(client.get(url))
    assert client.post(url, data).status_code == 302
    assert rows() == 2


def test_a_form_with_errors_keeps_its_key_usable(client, team_a, generalist_a, redis_cache):
    dossier = household(team_a, lead_worker=generalist_a)
    dossier.workers.add(generalist_a)
    as_user(client, generalist_a)
    url, data, rows = _journal(dossier)
    data["form_key"] = _form_key(client.get(url))
    assert client.post(url, {**data, "text": ""}).status_code == 200  # the error, nothing saved
    assert client.post(url, data).status_code == 302  # corrected and sent with the same key
    assert rows() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("form", FORMS)
def test_a_form_sent_twice_at_once_is_saved_once(team_a, generalist_a, redis_cache, monkeypatch, form):
    if connection.vendor != "postgresql":
        if REQUIRE_SERVICES:
            pytest.fail("This test needs PostgreSQL (BUURTTEAM_REQUIRE_SERVICES=1).")
        pytest.skip("two connections writing at once need PostgreSQL")
    import journal.services
    import work.services

    # Saving takes a moment, so the second sending arrives while the first is still saving.
    for module, name in ((journal.services, "write_entry"), (work.services, "create_task")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real, **k: (time.sleep(0.5), _real(*a, **k))[1])

    dossier = household(team_a, lead_worker=generalist_a)
    dossier.workers.add(generalist_a)
    browser = as_user(Client(), generalist_a)
    url, data, rows = FORMS[form](dossier)
    data["form_key"] = _form_key(browser.get(url))
    session = browser.cookies["sessionid"].value
    barrier = threading.Barrier(2)
    answers: list = []

    def send():
        tab = Client()
        tab.cookies["sessionid"] = session
        try:
            barrier.wait()
            answers.append(tab.post(url, data))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert rows() == 1
    assert [a.status_code for a in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]


def test_a_refused_action_is_not_remembered_as_saved(client, team_a, generalist_a, redis_cache):
    from django.utils import timezone

    dossier = household(team_a, lead_worker=generalist_a)
    dossier.workers.add(generalist_a)
    task = Task.objects.create(dossier=dossier, title="Al gedaan", done_at=timezone.now(), done_by=generalist_a)
    as_user(client, generalist_a)
    url = reverse("work:task_complete", args=[dossier.pk, task.pk])
    key = "k" * 24
    for _sending in range(2):  # refused twice ("already done"), never "already saved"
        response = client.post(url, {"form_key": key})
        assert response.status_code == 302
        landed = client.get(response["Location"]).content.decode()
        assert ALREADY not in landed and "Deze taak is al klaar." in landed, landed[-3000:]


def test_a_repeat_that_waited_long_enough_goes_back_to_the_form_page(client, settings, team_a, generalist_a,
                                                                      redis_cache):
    from django.core.cache import cache

    from cases.form_keys import PENDING, PENDING_SECONDS

    settings.FORM_KEY_WAIT = 0
    dossier = household(team_a, lead_worker=generalist_a)
    dossier.workers.add(generalist_a)
    as_user(client, generalist_a)
    url, data, rows = _task(dossier)
    data["form_key"] = "w" * 24
    cache.set(f"form-key:{generalist_a.pk}:{data['form_key']}", PENDING, PENDING_SECONDS)  # the first still runs
    page = f"http://testserver{dossier.get_absolute_url()}"
    response = client.post(url, data, HTTP_REFERER=page)
    assert response.status_code == 302 and response["Location"] == page
    assert "Dit formulier wordt nog opgeslagen." in client.get(page).content.decode()
    assert rows() == 0  # not saved a second time meanwhile
