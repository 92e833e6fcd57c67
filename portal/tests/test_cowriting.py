"""A resident proposes a goal, comments, reports an action done; the regisseur gets a task
and sees it on the timeline; a proposal counts as a goal only once the worker sets it."""

from django.urls import reverse

from conftest import as_user
from plans.factories import ActionFactory, GoalFactory
from plans.models import Goal, ProposedBy
from portal.models import ActionDone, GoalComment, GoalProposal
from portal.testing import as_portal
from work.models import Task


def test_proposed_goal_is_no_goal_until_the_worker_sets_it(client, resident, dossier_a, generalist_a):
    as_portal(client, resident)
    response = client.post(reverse("portal:goal_new", args=[dossier_a.pk]),
                           {"description": "Mijn schulden op een rij", "domain": "overig", "client": ""})
    assert response.status_code == 302
    proposal = GoalProposal.objects.get(dossier=dossier_a)
    assert not Goal.objects.filter(dossier=dossier_a).exists()
    task = Task.objects.get(dossier=dossier_a)
    assert task.assignee == generalist_a and task.is_open

    client.logout()
    as_user(client, generalist_a)
    timeline = client.get(reverse("cases:dossier", args=[dossier_a.pk])).content.decode()
    assert "Mijn schulden op een rij" in timeline
    client.post(reverse("portal_staff:decide", args=[dossier_a.pk, proposal.pk]), {"decision": "set"})
    goal = Goal.objects.get(dossier=dossier_a)
    assert goal.proposed_by == ProposedBy.CLIENT and goal.description == "Mijn schulden op een rij"
    proposal.refresh_from_db()
    assert proposal.goal == goal and proposal.status == GoalProposal.Status.SET


def test_proposal_errors_shown_next_to_the_field(client, resident, dossier_a):
    as_portal(client, resident)
    response = client.post(reverse("portal:goal_new", args=[dossier_a.pk]), {"description": "", "domain": ""})
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"description", "domain"}


def test_comment_and_action_done_notify_the_regisseur(client, resident, dossier_a, generalist_a):
    goal = GoalFactory(dossier=dossier_a, client=None, description="Werk vinden")
    action = ActionFactory(dossier=dossier_a, goal=goal, description="Sollicitatiebrief")
    as_portal(client, resident)
    client.post(reverse("portal:goal", args=[dossier_a.pk, goal.pk]), {"text": "Ik heb een brief geschreven"})
    client.post(reverse("portal:action_done", args=[dossier_a.pk, action.pk]), {"back": "goal"})
    assert GoalComment.objects.get(goal=goal).author == resident.user
    assert ActionDone.objects.get(action=action).reported_by == resident
    assert Task.objects.filter(dossier=dossier_a, assignee=generalist_a).count() == 2
    action.refresh_from_db()
    assert action.ends_on is None  # the plan changes only when the worker changes it

    client.logout()
    as_user(client, generalist_a)
    client.post(reverse("portal_staff:comment", args=[dossier_a.pk, goal.pk]), {"text": "Goed gedaan!"})
    client.logout()
    as_portal(client, resident)
    html = client.get(reverse("portal:goal", args=[dossier_a.pk, goal.pk])).content.decode()
    assert "Goed gedaan!" in html and "Ik heb een brief geschreven" in html
