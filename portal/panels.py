"""The portal section of the dossier page and the portal items on its timeline (staff side)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from cases import extensions
from cases.permissions import team_ids
from portal.models import AccountKind, ActionDone, GoalComment, GoalProposal, Invitation, Message, PortalAccount
from portal.querysets import is_adult


def portal_panel_context(request, dossier, members) -> dict:
    """Adult members and their portal access, open proposals, the latest messages: 4 queries."""
    accounts = {a.client_id: a for a in PortalAccount.objects.filter(
        client_id__in=[m.client_id for m in members], kind=AccountKind.RESIDENT, active=True)}
    return {
        "dossier": dossier,
        "can_invite": not dossier.is_closed,
        "adults": [(m.client, accounts.get(m.client_id)) for m in members if is_adult(m.client)],
        "open_invitations": list(Invitation.objects.filter(dossier=dossier, accepted_at__isnull=True,
                                                           withdrawn_at__isnull=True).select_related("client")),
        "proposals": list(GoalProposal.objects.filter(dossier=dossier, status=GoalProposal.Status.PROPOSED)),
        "messages_count": Message.objects.filter(dossier=dossier).count(),
    }


def portal_timeline(request, dossier) -> list[extensions.TimelineItem]:
    if dossier.team_id not in team_ids(request.user):
        return []
    url = reverse("portal_staff:overview", args=[dossier.pk])
    title = _("Mijn buurtteam")
    items = []
    for proposal in GoalProposal.objects.filter(dossier=dossier).select_related("decided_by")[:100]:
        items.append(extensions.TimelineItem(at=proposal.proposed_at, title=title, url=url,
                                             detail=_("Goal proposed by the household: %(goal)s")
                                             % {"goal": proposal.description[:200]}))
    for comment in GoalComment.objects.filter(dossier=dossier, author__portal_account__isnull=False)[:100]:
        items.append(extensions.TimelineItem(at=comment.at, title=title, url=url,
                                             detail=_("Comment on goal: %(text)s") % {"text": comment.text[:200]}))
    for done in ActionDone.objects.filter(dossier=dossier).select_related("action")[:100]:
        items.append(extensions.TimelineItem(at=done.reported_at, title=title, url=url,
                                             detail=_("Reported done by the household: %(action)s")
                                             % {"action": str(done.action)[:200]}))
    for message in Message.objects.filter(dossier=dossier).select_related("author")[:100]:
        detail = _("Message from the household") if message.from_household else _("Message to the household")
        items.append(extensions.TimelineItem(at=message.at, title=title, url=url, detail=detail,
                                             user=None if message.from_household else message.author))
    return items


def _settle_proposal(proposal):
    def settle(*, user, choice, on, dossier):
        from portal.services import decide_proposal

        decide_proposal(proposal, user=user, take_over=False, held=dossier, answer=_(
            "The support of the buurtteam has ended, so this goal is no longer taken into the plan."))

    return settle


def open_proposals(dossier) -> list[extensions.OpenItem]:
    """Goals the household proposed that nobody answered yet: closing answers them (declined,
    with the reason), so the household is not left waiting."""
    return [
        extensions.OpenItem(
            label=_("Goal proposed by the household, not answered yet: %(goal)s") % {
                "goal": proposal.description or proposal.domain},
            field=f"settle_proposal_{proposal.pk}",
            choices=(("decline", _("Answer that the support has ended and the goal is not taken over")),),
            settle=_settle_proposal(proposal),
        )
        for proposal in GoalProposal.objects.filter(dossier=dossier, status=GoalProposal.Status.PROPOSED).order_by("id")
    ]
