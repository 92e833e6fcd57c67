"""The worker enters a questionnaire answered on paper or by phone: every rule at once,
one per dossier, another team's dossier is a 404, the dossier page says whether it was
answered but never shows the answers."""

import datetime as dt

import pytest
from django.urls import reverse

from cases.factories import household
from cases.services import today
from conftest import as_user
from voice.models import Questionnaire

TODAY = today()


@pytest.fixture
def closed(team_a):
    return household(team_a, members=2, registered_on=TODAY - dt.timedelta(days=100),
                     closed_on=TODAY - dt.timedelta(days=3), closure_reason="volgens_plan")


def post(http, dossier, **fields):
    data = {"client": "", "answered_on": TODAY.isoformat(), "channel": "papier",
            "answer_weet_waar": "1", "answer_snel_geholpen": "weet_niet", "answer_beter_redden": "4"}
    data.update(fields)
    return http.post(reverse("voice:new", args=[dossier.pk]), data)


def test_the_answers_are_stored_and_the_dossier_says_so_without_them(client, generalist_a, closed):
    http = as_user(client, generalist_a)
    member = closed.members.order_by("id")[1].client
    response = post(http, closed, client=str(member.pk), channel="telefoon")
    assert response.status_code == 302
    questionnaire = Questionnaire.objects.get()
    assert (questionnaire.client, questionnaire.channel, questionnaire.answers) == (
        member, "telefoon", {"beter_redden": "4", "snel_geholpen": "weet_niet", "weet_waar": "1"})
    page = http.get(closed.get_absolute_url()).content.decode()
    assert "Cliëntervaring" in page and TODAY.strftime("%d-%m-%Y") in page
    assert post(http, closed).status_code == 404, "one questionnaire per dossier"


def test_every_problem_at_once(client, generalist_a, closed):
    http = as_user(client, generalist_a)
    response = post(http, closed, answered_on=(TODAY + dt.timedelta(days=1)).isoformat(), channel="e-mail",
                    answer_weet_waar="", answer_snel_geholpen="", answer_beter_redden="")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"answered_on", "channel", "__all__"} <= set(errors)
    assert not Questionnaire.objects.exists()


def test_another_teams_dossier_is_a_404(client, generalist_b, closed):
    assert post(as_user(client, generalist_b), closed).status_code == 404
