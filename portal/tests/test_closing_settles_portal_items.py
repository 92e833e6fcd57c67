"""Closing a dossier settles what the portal left open: the close form offers the household's
unanswered goal proposal and the open tasks (the portal's notices), closing answers the
proposal (not taken over, with the reason) and marks the tasks done, so nothing hangs in
Mijn werk or in the resident's portal."""

from django.urls import reverse

from cases.services import today
from conftest import as_user
from portal import services
from portal.models import GoalProposal
from work.models import Task


def test_close_form_offers_and_closing_settles_proposal_and_tasks(client, generalist_a, dossier_a, resident):
    proposal = services.propose_goal(dossier_a, account=resident, client_id=None, domain="financien",
                                     description="Mijn schulden kwijt")
    task = Task.objects.get(dossier=dossier_a, done_at__isnull=True)  # "the household proposes a goal"
    as_user(client, generalist_a)
    url = reverse("cases:close", args=[dossier_a.pk])
    html = client.get(url).content.decode()
    assert f'name="settle_proposal_{proposal.pk}"' in html and f'name="settle_task_{task.pk}"' in html

    response = client.post(url, {
        "closed_on": today().isoformat(), "closure_reason": "volgens_plan", "can_continue_independently": "ja",
        f"settle_proposal_{proposal.pk}": "decline", f"settle_task_{task.pk}": "done"})
    assert response.status_code == 302, response.context["form"].errors
    dossier_a.refresh_from_db()
    assert dossier_a.is_closed
    proposal.refresh_from_db()
    assert proposal.status == GoalProposal.Status.DECLINED and proposal.answer and proposal.decided_by == generalist_a
    task.refresh_from_db()
    assert task.done_at is not None and task.done_by == generalist_a
    assert not Task.objects.open().filter(dossier=dossier_a, signal="").exists()
