"""The Plan section of the dossier page, its timeline items and its open items at closing,
registered with ``cases.extensions`` in ``PlansConfig.ready``."""

from collections import Counter

from django.urls import reverse
from django.utils.translation import gettext as _

from cases import extensions
from cases.permissions import team_ids
from cases.services import today
from plans.models import OTHER_DOMAIN, Action, Goal, GoalStatus, Kanteling, NetworkContact, Plan, PlanEvent
from zrm.models import Domain


def domain_labels() -> dict[str, str]:
    """Domain code -> label (the first instrument's label where versions share a code); one query."""
    labels: dict[str, str] = {}
    for code, label in Domain.objects.order_by("instrument__code", "order").values_list("code", "label"):
        labels.setdefault(code, label)
    labels[OTHER_DOMAIN] = _("other")
    return labels


def load_plan(user, dossier) -> dict:
    """The plan, goals (with their actions), actions, contacts of a dossier: five queries."""
    plan = Plan.objects.for_user(user).filter(dossier=dossier).first()
    goals = list(Goal.objects.for_user(user).filter(dossier=dossier).select_related("client").order_by("set_on", "id"))
    actions = list(
        Action.objects.for_user(user).filter(dossier=dossier).select_related("goal", "by_contact", "referral")
        .order_by("existing", "starts_on", "id")
    )
    contacts = list(NetworkContact.objects.for_user(user).filter(dossier=dossier))
    labels = domain_labels()
    for goal in goals:
        goal.domain_label = labels.get(goal.domain, goal.domain)
        goal.plan_actions = [a for a in actions if a.goal_id == goal.pk]
        goal.due = goal.is_open and goal.target_on is not None and goal.target_on <= today()
    for action in actions:
        action.domain_label = labels.get(action.domain, action.domain)
    by_kanteling = Counter((a.existing, a.kanteling) for a in actions)
    return {
        "dossier": dossier,
        "plan": plan,
        "goals": goals,
        "actions": actions,
        "dossier_actions": [a for a in actions if a.goal_id is None],
        "contacts": contacts,
        "due_goals": [g for g in goals if g.due],
        "kanteling_rows": [
            (label, by_kanteling[(True, code)], by_kanteling[(False, code)]) for code, label in Kanteling.choices
        ],
        "can_edit": not dossier.is_closed,
    }


def plan_panel_context(request, dossier, members) -> dict:
    return load_plan(request.user, dossier)


def plan_timeline(request, dossier) -> list[extensions.TimelineItem]:
    if dossier.team_id not in team_ids(request.user):
        return []
    events = PlanEvent.objects.filter(dossier=dossier)
    return [
        extensions.TimelineItem(at=e.at, title=_("Plan"), on=e.on, detail=e.detail, user=e.user,
                                url=reverse("plans:plan", args=[dossier.pk]))
        for e in events.select_related("user")[:200]
    ]


SETTLE_CHOICES = tuple((s.value, s.label) for s in GoalStatus if s != GoalStatus.ONGOING)


def _settle(goal):
    def settle(*, user, choice, on, dossier):
        from plans.services import set_goal_status

        set_goal_status(goal, user=user, status=choice, status_on=on, held=dossier)

    return settle


def open_goals(dossier) -> list[extensions.OpenItem]:
    """Goals still ``lopend``: the close form asks their status (dated the closing day)."""
    return [
        extensions.OpenItem(
            label=_("Goal still ongoing: %(goal)s") % {"goal": goal},
            url=reverse("plans:goal_status", args=[dossier.pk, goal.pk]),
            field=f"settle_goal_{goal.pk}",
            choices=SETTLE_CHOICES,
            settle=_settle(goal),
        )
        for goal in Goal.objects.filter(dossier=dossier, status=GoalStatus.ONGOING).order_by("id")
    ]


def member_in_plan(dossier, client_id) -> str | None:
    if Goal.objects.filter(dossier=dossier, client_id=client_id).exists():
        return _("goals in the plan")
    return None


def consent_panel_context(request, dossier, members) -> dict:
    """The consents of the household's members (this dossier's and the clients' own): one query."""
    from django.db.models import Q

    from plans.models import Consent

    day = today()
    consents = list(
        Consent.objects.for_user(request.user)
        .filter(Q(dossier=dossier) | Q(dossier__isnull=True), client_id__in=[m.client_id for m in members])
        .select_related("client", "recorded_by")
    )
    for consent in consents:
        consent.in_force = consent.in_force_on(day)
        consent.expired = consent.expires_on is not None and consent.expires_on <= day
    return {"dossier": dossier, "consents": consents, "can_record": not dossier.is_closed}
