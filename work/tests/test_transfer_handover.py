"""A transfer tells the receiving team and keeps the regisseur where it can: the regisseur
stays when they work in the new team too (or the sender names one of the new team); without
one the new team's coach gets a task naming who sent it and why, the intake queue shows the
same, and the sender is told what happens next."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases import services
from cases.factories import household, user_with_role
from cases.models import Membership, Role
from conftest import as_user
from work.models import Task


@pytest.fixture
def coach_b(team_b):
    return user_with_role(Role.TEAMCOACH, team_b, username="coach-b", first_name="Bert", last_name="Coach")


def test_without_regisseur_in_the_new_team_its_coach_gets_a_task_and_the_intake_queue_says_who_and_why(
        client, generalist_a, team_a, team_b, coach_b):
    generalist_a.first_name, generalist_a.last_name = "Anna", "Zender"
    generalist_a.save()
    dossier = household(team_a, lead_worker=generalist_a)
    services.transfer(dossier, user=generalist_a, to_team=team_b, note="verhuisd naar Oost")
    dossier.refresh_from_db()
    assert dossier.team == team_b and dossier.lead_worker is None
    task = Task.objects.get(dossier=dossier)
    assert task.assignee == coach_b and task.is_open
    assert "Anna Zender" in task.title and "verhuisd naar Oost" in task.title and team_a.name in task.title
    as_user(client, coach_b)
    html = client.get(reverse("work:intake", args=[team_b.code])).content.decode()
    assert "Anna Zender" in html and "verhuisd naar Oost" in html


def test_a_regisseur_working_in_both_teams_stays_and_gets_the_task(generalist_a, team_a, team_b):
    Membership.objects.create(user=generalist_a, team=team_b, role=Role.GENERALIST)
    dossier = household(team_a, lead_worker=generalist_a)
    dossier.workers.add(generalist_a)
    services.transfer(dossier, user=generalist_a, to_team=team_b)
    dossier.refresh_from_db()
    assert dossier.lead_worker == generalist_a and list(dossier.workers.all()) == [generalist_a]
    assert Task.objects.get(dossier=dossier).assignee == generalist_a


def test_the_sender_may_name_the_new_regisseur_of_the_new_team_only(generalist_a, generalist_b, team_a, team_b):
    dossier = household(team_a, lead_worker=generalist_a)
    with pytest.raises(ValidationError) as refused:
        services.transfer(dossier, user=generalist_a, to_team=team_b, lead_worker=generalist_a)
    assert "lead_worker" in refused.value.message_dict
    services.transfer(dossier, user=generalist_a, to_team=team_b, lead_worker=generalist_b)
    dossier.refresh_from_db()
    assert dossier.lead_worker == generalist_b


def test_the_sender_sees_a_confirmation_of_what_happens_next(client, generalist_a, team_a, team_b, coach_b):
    dossier = household(team_a, lead_worker=generalist_a)
    as_user(client, generalist_a)
    response = client.post(reverse("cases:transfer", args=[dossier.pk]), {"to_team": team_b.pk, "note": "x"},
                           follow=True)
    text = " ".join(str(m) for m in response.context["messages"])
    assert team_b.name in text and "teamcoach" in text.lower()
