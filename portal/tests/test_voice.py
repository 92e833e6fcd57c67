"""The resident's own voice (client-voice.md): the zelfscan one domain per screen with
skipping, stored as the resident's zelfscan (scored by the client), a task for the regisseur,
shown beside the buurtteam's scores and outside the professional ZRM; the questionnaire once
the help has ended, once, with the portal as its channel; the reminder after a week, once."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from cases.services import today
from portal.testing import as_portal
from voice.models import Questionnaire
from work.models import Task
from zrm.factories import measure
from zrm.models import Measurement


def step(http, url, index, move="next", value=None, answers=None):
    data = {"index": str(index), "move": move, **{f"a_{c}": v for c, v in (answers or {}).items()}}
    if value is not None:
        data["step"] = str(value)
    return http.post(url, data)


def test_the_zelfscan_one_domain_per_screen(client, resident, dossier_a, applicant, generalist_a):
    measure(dossier_a, applicant, "nulmeting", today() - dt.timedelta(days=20), {"financien": 2, "huisvesting": 3})
    http = as_portal(client, resident)
    url = reverse("portal:zelfscan", args=[dossier_a.pk])
    first = http.get(url)
    assert first.status_code == 200 and "Vraag 1 van 13" in first.content.decode()
    assert "Geld" in first.content.decode()
    second = step(http, url, 0, value=4)
    assert 'name="a_financien" value="4"' in second.content.decode() and "Vraag 2 van 13" in second.content.decode()
    answers = {"financien": "4"}
    for index in range(1, 12):
        step(http, url, index, move="overslaan", answers=answers)
    done = step(http, url, 12, value=5, answers=answers)
    assert done.status_code == 302
    scan = Measurement.objects.get(type="zelfscan")
    assert (scan.client, scan.scored_with, scan.scores, scan.created_by) == (
        applicant, "client", {"financien": 4, "justitie": 5}, None)
    assert Task.objects.filter(dossier=dossier_a, assignee=generalist_a, title__contains="zelfscan").exists()
    page = http.get(reverse("portal:dossier", args=[dossier_a.pk])).content.decode()
    assert "Uw antwoorden naast de scores van uw buurtteam" in page
    assert Measurement.objects.professional_zrm().count() == 1, "a zelfscan is not in the professional ZRM"


def test_skipping_everything_is_refused(client, resident, dossier_a):
    http = as_portal(client, resident)
    url = reverse("portal:zelfscan", args=[dossier_a.pk])
    response = step(http, url, 12, move="overslaan")
    assert response.status_code == 200 and not Measurement.objects.exists()


@pytest.fixture
def closed(dossier_a):
    dossier_a.registered_on = today() - dt.timedelta(days=60)
    dossier_a.closed_on = today() - dt.timedelta(days=7)
    dossier_a.closure_reason = "volgens_plan"
    dossier_a.save()
    return dossier_a


def test_the_questionnaire_once_the_help_has_ended(client, resident, closed, applicant):
    http = as_portal(client, resident)
    page = http.get(reverse("portal:dossier", args=[closed.pk])).content.decode()
    assert reverse("portal:questionnaire", args=[closed.pk]) in page
    url = reverse("portal:questionnaire", args=[closed.pk])
    assert "Ik werd snel geholpen." in http.get(url).content.decode()
    assert http.post(url, {"answer_weet_waar": "2", "answer_beter_redden": "weet_niet"}).status_code == 302
    questionnaire = Questionnaire.objects.get()
    assert (questionnaire.channel, questionnaire.client, questionnaire.answered_on, questionnaire.answers) == (
        "portaal", applicant, today(), {"beter_redden": "weet_niet", "weet_waar": "2"})
    assert http.get(url).status_code == 404


def test_one_reminder_after_a_week(resident, closed, django_capture_on_commit_callbacks):
    from portal.tasks import remind_questionnaires

    with django_capture_on_commit_callbacks(execute=True):
        assert remind_questionnaires() == 1
    assert len(mail.outbox) == 1 and resident.email in mail.outbox[0].to
    assert remind_questionnaires() == 0 and len(mail.outbox) == 1
