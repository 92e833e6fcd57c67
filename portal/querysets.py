"""Scoping of every portal query to the logged-in resident or invitee (issue 18).

A resident sees the dossiers they are a member of; within one, their own details and
those of the household's minor children, never another adult member's. An invitee sees
only the goals of their accepted invitations that are not withdrawn, whose consent is in
force today and whose dossier is open; checked on every request, so withdrawing the
consent or the invitation ends the access at once."""

import datetime as dt

from django.db.models import Q
from django.http import Http404

from cases.models import Client, Dossier, DossierMember, MemberRole
from cases.services import today
from journal.models import Document
from maatwerk.models import Referral
from plans.models import Action, Consent, Goal
from portal.models import AccountKind, GoalComment, GoalProposal, Invitation, Message, PortalAccount
from zrm.models import Measurement

ADULT_AGE = 18


def age_on(birth_date: dt.date | None, day: dt.date) -> int | None:
    if birth_date is None:
        return None
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def is_adult(client: Client, day: dt.date | None = None) -> bool:
    age = age_on(client.birth_date, day or today())
    return age is not None and age >= ADULT_AGE


def is_minor(client: Client, day: dt.date | None = None) -> bool:
    age = age_on(client.birth_date, day or today())
    return age is not None and age < ADULT_AGE


def account_of(request) -> PortalAccount | None:
    user = request.user
    return getattr(user, "portal_account", None) if user.is_authenticated else None


# Residents -----------------------------------------------------------------------------

def resident_dossiers(account: PortalAccount):
    if account.kind != AccountKind.RESIDENT:
        return Dossier.objects.none()
    return Dossier.objects.filter(members__client_id=account.client_id).distinct()


def resident_dossier(account: PortalAccount, pk: int) -> Dossier:
    dossier = (resident_dossiers(account).select_related("team", "lead_worker").filter(pk=pk).first())
    if dossier is None:
        raise Http404
    return dossier


def visible_client_ids(account: PortalAccount, dossier: Dossier) -> set[int]:
    """The resident and the household's minor children (by role and age)."""
    ids = {account.client_id}
    for member in DossierMember.objects.filter(dossier=dossier, role=MemberRole.CHILD).select_related("client"):
        if is_minor(member.client):
            ids.add(member.client_id)
    return ids


def visible_clients(account: PortalAccount, dossier: Dossier, visible: set[int] | None = None) -> list[Client]:
    visible = visible if visible is not None else visible_client_ids(account, dossier)
    return list(Client.objects.filter(pk__in=visible).order_by("birth_date", "id"))


def resident_goals(account: PortalAccount, dossier: Dossier, visible: set[int] | None = None):
    """The household's own goals and those of the resident and their minor children."""
    visible = visible if visible is not None else visible_client_ids(account, dossier)
    return Goal.objects.filter(dossier=dossier).filter(Q(client__isnull=True) | Q(client_id__in=visible))


def resident_goal(account: PortalAccount, dossier: Dossier, pk: int) -> Goal:
    goal = resident_goals(account, dossier).filter(pk=pk).first()
    if goal is None:
        raise Http404
    return goal


def resident_actions(account: PortalAccount, dossier: Dossier, goals):
    return Action.objects.filter(dossier=dossier).filter(Q(goal__isnull=True) | Q(goal__in=goals))


def resident_proposals(account: PortalAccount, dossier: Dossier, visible: set[int]):
    return GoalProposal.objects.filter(dossier=dossier).filter(Q(client__isnull=True) | Q(client_id__in=visible))


def resident_measurements(dossier: Dossier, visible: set[int]):
    return Measurement.objects.filter(dossier=dossier).filter(Q(client__isnull=True) | Q(client_id__in=visible))


def resident_referrals(dossier: Dossier, visible: set[int]):
    return Referral.objects.filter(dossier=dossier).filter(Q(client__isnull=True) | Q(client_id__in=visible))


def shared_documents(dossier: Dossier):
    return Document.objects.filter(dossier=dossier, portal_share__isnull=False)


def dossier_messages(dossier: Dossier):
    """Every message of the dossier: for the team only."""
    return Message.objects.filter(dossier=dossier).select_related("author", "author__portal_account", "sender")


def resident_messages(account: PortalAccount, dossier: Dossier):
    """The messages a resident may read: their own and those addressed to them."""
    mine = Q(author=account.user) | Q(sender=account.client) | Q(recipients=account.client)
    ids = Message.objects.filter(mine, dossier=dossier).values("pk")
    return dossier_messages(dossier).filter(pk__in=ids).prefetch_related("recipients")


def message_people(items) -> list[Client]:
    """Every member a list of messages names: senders and recipients (for the access log)."""
    people: dict[int, Client] = {}
    for item in items:
        if item.sender_id:
            people[item.sender_id] = item.sender
        for client in item.recipients.all():
            people[client.pk] = client
    return list(people.values())


def adults_with_account(dossier: Dossier, exclude: Client | None = None) -> list[Client]:
    """The adult members of the dossier who use Mijn buurtteam (a message can be for them)."""
    clients = Client.objects.filter(
        memberships__dossier=dossier, portal_accounts__kind=AccountKind.RESIDENT, portal_accounts__active=True,
    ).distinct().order_by("family_name", "given_name", "id")
    return [c for c in clients if is_adult(c) and (exclude is None or c.pk != exclude.pk)]


# Invitees ------------------------------------------------------------------------------

def invitee_invitations(account: PortalAccount, day: dt.date | None = None):
    """The invitations that give access today: accepted, not withdrawn, consent in force,
    dossier open."""
    if account.kind != AccountKind.INVITEE:
        return Invitation.objects.none()
    in_force = Consent.objects.in_force(day or today()).values("pk")
    return Invitation.objects.filter(
        account=account, kind=AccountKind.INVITEE, accepted_at__isnull=False, withdrawn_at__isnull=True,
        consent__in=in_force, dossier__closed_on__isnull=True,
    )


def invitee_goals(account: PortalAccount):
    return Goal.objects.filter(pk__in=invitee_invitations(account).values("goal_id"))


def invitee_goal(account: PortalAccount, pk: int) -> Goal:
    goal = invitee_goals(account).select_related("dossier").filter(pk=pk).first()
    if goal is None:
        raise Http404
    return goal


def goal_comments(goal: Goal):
    return GoalComment.objects.filter(goal=goal).select_related("author", "author__portal_account")
