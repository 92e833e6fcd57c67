"""What a third party invited to one goal sees: that goal, its actions and its comments;
they can comment. Access is checked on every request (``querysets.invitee_goals``): a
withdrawn consent or invitation ends it at once."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.audit import log_access
from cases.models import AccessAction
from cases.shortcuts import submit_form
from portal import plain, querysets, services
from portal.decorators import portal_required
from portal.forms import CommentForm
from portal.models import AccountKind, Invitation

INVITEE_DETAIL = gettext_lazy("Mijn buurtteam (invitee for one goal)")


def invitation_rows(goal):
    """The third parties invited to this goal (shown to the resident and the worker)."""
    return list(Invitation.objects.filter(goal=goal, kind=AccountKind.INVITEE).select_related("contact"))


def _log(request, goal, action=AccessAction.VIEW):
    log_access(request, action, client=goal.client, dossier=goal.dossier, detail=INVITEE_DETAIL)


def invitee_home(request):
    goals = list(querysets.invitee_goals(request.portal_account).select_related("dossier"))
    if len(goals) == 1:
        return redirect("portal:invitee_goal", goals[0].pk)
    for goal in goals:
        _log(request, goal)
    return render(request, "portal/invitee_home.html", {"goals": goals})


@portal_required(AccountKind.INVITEE)
def invitee_goal(request, goal_pk: int):
    goal = querysets.invitee_goal(request.portal_account, goal_pk)
    form = CommentForm(request.POST or None)
    if submit_form(request, form,
                   lambda data: services.add_comment(goal, user=request.user, text=data["text"], from_portal=True),
                   success=_("Your comment has been saved.")):
        return redirect("portal:invitee_goal", goal.pk)
    goal.plain_status = plain.GOAL_STATUS.get(goal.status, goal.get_status_display())
    actions = list(goal.actions.order_by("starts_on", "id"))
    for action in actions:
        action.plain_kanteling = plain.KANTELING_THIRD_PARTY.get(action.kanteling, action.get_kanteling_display())
    _log(request, goal)
    return render(request, "portal/invitee_goal.html", {
        "goal": goal, "actions": actions, "comments": list(querysets.goal_comments(goal)), "form": form})
