"""The household's plan. These functions are the only place where the plan rules live;
views collect input, the bundle import loads history.

Every write is atomic, locks the dossier (re-read under ``select_for_update``), requires
the user to work in the dossier's team and refuses changes to a closed dossier (its plan
is read-only). Rule violations raise ``ValidationError`` keyed by form field, all of a
form's problems at once.

Rules (../shared/specs/plan.md):
- one plan per dossier, a draft until ``agreed_on``; agreeing needs at least one goal and
  a date on or after registration, not in the future. The agreed goals and actions are
  kept (``agreed_version``), so later changes show; agreeing again replaces them.
- a goal's member belongs to the household (empty: the household's own goal); its domain
  is a ZRM domain code of any instrument or ``overig``; ``set_on`` on or after
  registration and not in the future; ``target_on`` not before ``set_on``.
- status ``lopend`` has no status date; every other status needs one, on or after
  ``set_on`` and not in the future.
- an action's goal and network contact belong to the same dossier; new support needs
  ``starts_on`` (not before registration), existing support started on or before
  registration; ``ends_on >= starts_on``; only maatwerk actions link a referral.
- a referral made from a goal (``refer_from_goal``) goes through ``maatwerk.services``
  and creates its maatwerk action; ``sync_referral_actions`` keeps that action's dates in
  step when maatwerk reports a decision or care period (docs/adr/0020).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases import history
from cases.models import Dossier, DossierMember
from cases.rules import Errors, date_text, today
from cases.services import lock_dossier
from maatwerk import services as maatwerk_services
from maatwerk.models import Referral, Status
from plans.models import (
    OTHER_DOMAIN,
    Action,
    ContactKind,
    Direction,
    Goal,
    GoalStatus,
    Kanteling,
    NetworkContact,
    Plan,
    PlanEvent,
    ProposedBy,
    Supportive,
)
from zrm.models import Domain

GOAL_FIELDS = ("client", "domain", "direction", "description", "proposed_by", "set_on", "target_on")
ACTION_FIELDS = ("goal", "domain", "kanteling", "existing", "description", "by", "by_contact", "starts_on", "ends_on")
CONTACT_FIELDS = ("kind", "name", "relation", "phone", "email", "supportive")


def _lock(dossier_id: int, user, held: Dossier | None = None) -> Dossier:
    """The dossier under a row lock (unless the caller holds it), after checking the user's
    team and that it is open."""
    return lock_dossier(user, dossier_id, held=held,
                        closed_message=_("This dossier is closed; its plan can no longer be changed."))


def _event(dossier: Dossier, user, detail: str, on: dt.date | None = None) -> None:
    PlanEvent.objects.create(dossier=dossier, user=user, on=on, detail=detail[:300])


def domain_codes() -> set[str]:
    """Every domain code of any ZRM instrument, and ``overig``."""
    return set(Domain.objects.values_list("code", flat=True)) | {OTHER_DOMAIN}


def ensure_plan(dossier: Dossier) -> Plan:
    plan, _created = Plan.objects.get_or_create(dossier=dossier)
    return plan


@transaction.atomic
def start_plan(dossier: Dossier, *, user) -> Plan:
    dossier = _lock(dossier.pk, user)
    plan, created = Plan.objects.get_or_create(dossier=dossier)
    if created:
        _event(dossier, user, _("Plan started"), today())
    return plan


# Goals ---------------------------------------------------------------------------------

def _check_goal(goal: Goal, dossier: Dossier, errors: Errors) -> None:
    if goal.client_id and not DossierMember.objects.filter(dossier=dossier, client_id=goal.client_id).exists():
        errors.add("client", _("This person is not a member of the household."))
    if goal.domain not in domain_codes():
        errors.add("domain", _("Choose a life domain."))
    if goal.direction not in Direction.values:
        errors.add("direction", _("Choose improve, stabilise or guided decline."))
    if goal.proposed_by not in ProposedBy.values:
        errors.add("proposed_by", _("Choose who proposed the goal."))
    if goal.set_on is None:
        errors.add("set_on", _("Enter the date the goal was set."))
    else:
        errors.not_in_future("set_on", goal.set_on)
        errors.not_before_registration("set_on", goal.set_on, dossier)
        errors.not_before("target_on", goal.target_on, goal.set_on,
                          _("The target date cannot be before the date the goal was set (%(date)s)."))
        if goal.status_on and goal.status_on < goal.set_on:
            errors.add("set_on", _("The goal cannot be set after its status date (%(date)s).")
                       % {"date": date_text(goal.status_on)})


def _save_goal(goal: Goal, dossier: Dossier, values: dict) -> Goal:
    unknown = set(values) - set(GOAL_FIELDS)
    if unknown:
        raise ValueError(f"Cannot set {sorted(unknown)} on a goal.")
    for field, value in values.items():
        setattr(goal, field, value.strip() if isinstance(value, str) else value)
    errors = Errors()
    _check_goal(goal, dossier, errors)
    errors.raise_if_any()
    goal.save()
    return goal


def validate_goal(dossier: Dossier, **values) -> None:
    """The goal rules without saving: the portal checks a goal a resident proposes with
    them before a worker sets it (``add_goal``)."""
    unknown = set(values) - set(GOAL_FIELDS)
    if unknown:
        raise ValueError(f"Cannot set {sorted(unknown)} on a goal.")
    values.setdefault("set_on", today())
    errors = Errors()
    _check_goal(Goal(dossier=dossier, **values), dossier, errors)
    errors.raise_if_any()


def goal_errors(dossier: Dossier, **values) -> Errors:
    """The goal rules on the values a form could read, without saving (the form shows them
    with its own field errors, in one round)."""
    values = {field: value for field, value in values.items() if field in GOAL_FIELDS}
    values.setdefault("proposed_by", ProposedBy.WORKER)
    errors = Errors()
    _check_goal(Goal(dossier=dossier, **values), dossier, errors)
    return errors


@transaction.atomic
def add_goal(dossier: Dossier, *, user, held: Dossier | None = None, **values) -> Goal:
    """A new goal (lopend); starts the plan when there is none yet. ``set_on`` defaults to today.
    ``held``: the caller (a proposal from the portal) holds the dossier's lock."""
    dossier = _lock(dossier.pk, user, held)
    values.setdefault("set_on", today())
    values.setdefault("proposed_by", ProposedBy.WORKER)
    goal = _save_goal(Goal(dossier=dossier), dossier, values)
    ensure_plan(dossier)
    _event(dossier, user, _("Goal set: %(goal)s") % {"goal": goal_label(goal)}, goal.set_on)
    return goal


@transaction.atomic
def update_goal(goal: Goal, *, user, **values) -> Goal:
    dossier = _lock(goal.dossier_id, user)
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    goal = _save_goal(goal, dossier, values)
    _event(dossier, user, _("Goal changed: %(goal)s") % {"goal": goal_label(goal)})
    return goal


@transaction.atomic
def set_goal_status(goal: Goal, *, user, status: str, status_on: dt.date | None,
                    held: Dossier | None = None) -> Goal:
    """Evaluation: ``lopend`` clears the status date, every other status needs one.
    ``held``: the caller (closing the dossier) holds the dossier's lock."""
    dossier = _lock(goal.dossier_id, user, held)
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    errors = Errors()
    if status not in GoalStatus.values:
        errors.add("status", _("Choose a status."))
    elif status == GoalStatus.ONGOING:
        status_on = None
    elif status_on is None:
        errors.add("status_on", _("Enter the date of this status."))
    else:
        errors.not_in_future("status_on", status_on)
        errors.not_before("status_on", status_on, goal.set_on,
                          _("The status date cannot be before the date the goal was set (%(date)s)."))
    errors.raise_if_any()
    goal.status, goal.status_on = status, status_on
    goal.save(update_fields=["status", "status_on", "updated_at"])
    _event(dossier, user, _("Goal %(status)s: %(goal)s") % {"status": goal.get_status_display(),
                                                           "goal": goal_label(goal)}, status_on)
    return goal


def goal_label(goal: Goal) -> str:
    return goal.description or domain_label(goal.domain)


def domain_label(code: str) -> str:
    if code == OTHER_DOMAIN:
        return _("other")
    # 2013 and 2017 share codes: the label of the instrument in use (active, main, newest) first
    labels = dict(Domain.objects.filter(code=code).order_by(
        "-instrument__active", "instrument__supplement", "-instrument_id").values_list("code", "label")[:1])
    return labels.get(code, code)


# Actions -------------------------------------------------------------------------------

def _check_action(action: Action, dossier: Dossier, errors: Errors) -> None:
    if action.goal_id and not Goal.objects.filter(pk=action.goal_id, dossier=dossier).exists():
        errors.add("goal", _("This goal belongs to another dossier."))
    if action.domain not in domain_codes():
        errors.add("domain", _("Choose a life domain."))
    if action.kanteling not in Kanteling.values:
        errors.add("kanteling", _("Choose the kind of support (kanteling)."))
    if action.by_contact_id and not NetworkContact.objects.filter(pk=action.by_contact_id, dossier=dossier).exists():
        errors.add("by_contact", _("This contact belongs to another dossier."))
    if action.referral_id:
        if action.kanteling != Kanteling.MAATWERK:
            errors.add("kanteling", _("Support linked to a maatwerk referral is maatwerk."))
        if not Referral.objects.filter(pk=action.referral_id, dossier=dossier).exists():
            errors.add("referral", _("This referral belongs to another dossier."))
    if action.existing:
        if action.starts_on and action.starts_on > dossier.registered_on:
            errors.add("starts_on", _("Support the household already had started on or before the "
                                      "registration date (%(date)s).") % {"date": date_text(dossier.registered_on)})
    elif action.starts_on is None:
        errors.add("starts_on", _("Enter the date this new support starts."))
    else:
        errors.not_before_registration("starts_on", action.starts_on, dossier)
    if action.ends_on and action.starts_on and action.ends_on < action.starts_on:
        errors.add("ends_on", _("The support cannot end before it starts."))


def _save_action(action: Action, dossier: Dossier, values: dict) -> Action:
    unknown = set(values) - set(ACTION_FIELDS)
    if unknown:
        raise ValueError(f"Cannot set {sorted(unknown)} on an action.")
    for field, value in values.items():
        setattr(action, field, value.strip() if isinstance(value, str) else value)
    if action.by_contact_id:  # "by whom" is the contact; its name is kept when the contact goes
        action.by = str(NetworkContact.objects.filter(pk=action.by_contact_id).first() or action.by)[:160]
    errors = Errors()
    _check_action(action, dossier, errors)
    errors.raise_if_any()
    action.save()
    return action


def action_errors(dossier: Dossier, **values) -> Errors:
    """The support rules on the values a form could read, without saving (one round of errors)."""
    values = {field: value for field, value in values.items() if field in ACTION_FIELDS}
    errors = Errors()
    _check_action(Action(dossier=dossier, **values), dossier, errors)
    return errors


@transaction.atomic
def add_action(dossier: Dossier, *, user, **values) -> Action:
    dossier = _lock(dossier.pk, user)
    action = _save_action(Action(dossier=dossier), dossier, values)
    ensure_plan(dossier)
    _event(dossier, user, _("Support added: %(action)s") % {"action": action}, action.starts_on)
    return action


@transaction.atomic
def update_action(action: Action, *, user, **values) -> Action:
    dossier = _lock(action.dossier_id, user)
    action = Action.objects.select_for_update().get(pk=action.pk)
    if action.referral_id and {"starts_on", "ends_on"} & set(values):
        referral = action.referral
        if referral.status == Status.GRANTED and referral.starts_on:
            # The care period of granted care is the referral's; it is changed there.
            values["starts_on"], values["ends_on"] = referral.starts_on, referral.ends_on
    action = _save_action(action, dossier, values)
    _event(dossier, user, _("Support changed: %(action)s") % {"action": action})
    return action


@transaction.atomic
def remove_action(action: Action, *, user) -> None:
    dossier = _lock(action.dossier_id, user)
    action = Action.objects.select_for_update().get(pk=action.pk)
    history.removed(action)
    action.delete()
    _event(dossier, user, _("Support removed: %(action)s") % {"action": action})


@transaction.atomic
def refer_from_goal(goal: Goal, *, user, client, product, provider, form: str, requested_on, notes: str = "",
                    melding=None):
    """A maatwerk referral toward a goal: the referral (through ``maatwerk.services``, which
    owns its rules) and the maatwerk action that links it, in one transaction."""
    dossier = _lock(goal.dossier_id, user)
    goal = Goal.objects.get(pk=goal.pk, dossier=dossier)
    referral = maatwerk_services.request_referral(
        dossier, user=user, client=client, product=product, provider=provider, form=form,
        requested_on=requested_on, notes=notes, held=dossier, melding=melding,
    )
    action = Action(
        dossier=dossier, goal=goal, domain=goal.domain, kanteling=Kanteling.MAATWERK, existing=False,
        description=product.name, by=provider.name[:160], starts_on=requested_on, referral=referral,
    )
    errors = Errors()
    _check_action(action, dossier, errors)
    errors.raise_if_any()
    action.save()
    _event(dossier, user, _("Maatwerk requested for goal %(goal)s: %(what)s")
           % {"goal": goal_label(goal), "what": action}, requested_on)
    return referral, action


def sync_referral_actions(referral: Referral, user=None) -> int:
    """Keep the dates of the actions linked to ``referral`` in step with it; called by
    maatwerk's ``referral_changed`` signal inside maatwerk's transaction.

    Granted care with a care period: the action runs from the care's start to its end.
    Rejected or withdrawn: the action ends on the decision date (never before it starts)."""
    actions = list(Action.objects.select_for_update().filter(referral=referral))
    changed = 0
    for action in actions:
        starts_on, ends_on = action.starts_on, action.ends_on
        if referral.status == Status.GRANTED and referral.starts_on:
            starts_on, ends_on = referral.starts_on, referral.ends_on
        elif referral.status in (Status.REJECTED, Status.WITHDRAWN):
            ended = referral.decided_on or today()
            ends_on = max(ended, starts_on) if starts_on else ended
        if (starts_on, ends_on) != (action.starts_on, action.ends_on):
            action.starts_on, action.ends_on = starts_on, ends_on
            action.save(update_fields=["starts_on", "ends_on", "updated_at"])
            _event(referral.dossier, user, _("Support dates follow the referral: %(action)s") % {"action": action})
            changed += 1
    return changed


# Network -------------------------------------------------------------------------------

def _save_contact(contact: NetworkContact, values: dict) -> NetworkContact:
    unknown = set(values) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"Cannot set {sorted(unknown)} on a contact.")
    for field, value in values.items():
        setattr(contact, field, value.strip() if isinstance(value, str) else value)
    errors = Errors()
    if contact.kind not in ContactKind.values:
        errors.add("kind", _("Choose the kind of contact."))
    if not (contact.name or contact.relation):
        errors.add("name", _("Enter a name or the relation to the household."))
    if contact.supportive and contact.supportive not in Supportive.values:
        errors.add("supportive", _("Choose yes, no or unknown."))
    if contact.email:
        try:
            NetworkContact._meta.get_field("email").run_validators(contact.email)
        except ValidationError as error:
            errors.setdefault("email", []).extend(error.messages)
    errors.raise_if_any()
    contact.save()
    return contact


@transaction.atomic
def add_contact(dossier: Dossier, *, user, **values) -> NetworkContact:
    dossier = _lock(dossier.pk, user)
    contact = _save_contact(NetworkContact(dossier=dossier), values)
    _event(dossier, user, _("Network contact added: %(contact)s") % {"contact": contact})
    return contact


@transaction.atomic
def update_contact(contact: NetworkContact, *, user, **values) -> NetworkContact:
    dossier = _lock(contact.dossier_id, user)
    contact = _save_contact(NetworkContact.objects.select_for_update().get(pk=contact.pk), values)
    history.update(Action.objects.filter(by_contact=contact).exclude(by=str(contact)[:160]), by=str(contact)[:160])
    _event(dossier, user, _("Network contact changed: %(contact)s") % {"contact": contact})
    return contact


@transaction.atomic
def remove_contact(contact: NetworkContact, *, user) -> None:
    dossier = _lock(contact.dossier_id, user)
    contact = NetworkContact.objects.select_for_update().get(pk=contact.pk)
    history.removed(contact)
    contact.delete()  # its actions keep the name in ``by`` (set when the contact was chosen)
    _event(dossier, user, _("Network contact removed: %(contact)s") % {"contact": contact})


# Agreeing ------------------------------------------------------------------------------

def plan_version(goals, actions) -> dict:
    """Goals and actions as plain values by ref: what was agreed, to compare later."""
    return {
        "goals": {
            g.ref: {"client": g.client_id, "domain": g.domain, "direction": g.direction,
                    "description": g.description, "target_on": g.target_on and g.target_on.isoformat(),
                    "status": g.status}
            for g in goals
        },
        "actions": {
            a.ref: {"goal": a.goal.ref if a.goal_id else None, "domain": a.domain, "kanteling": a.kanteling,
                    "existing": a.existing, "description": a.description, "by": a.by_display,
                    "starts_on": a.starts_on and a.starts_on.isoformat(),
                    "ends_on": a.ends_on and a.ends_on.isoformat()}
            for a in actions
        },
    }


@transaction.atomic
def agree_plan(dossier: Dossier, *, user, agreed_on: dt.date | None) -> Plan:
    """The household agreed to the plan on ``agreed_on``; keeps this version."""
    dossier = _lock(dossier.pk, user)
    plan = Plan.objects.select_for_update().get(pk=ensure_plan(dossier).pk)
    errors = Errors()
    if agreed_on is None:
        errors.add("agreed_on", _("Enter the date the household agreed to the plan."))
    else:
        errors.not_in_future("agreed_on", agreed_on)
        errors.not_before_registration("agreed_on", agreed_on, dossier)
    goals = list(Goal.objects.filter(dossier=dossier).order_by("id"))
    if not goals:
        errors.add("agreed_on", _("A plan needs at least one goal before the household can agree to it."))
    errors.raise_if_any()
    actions = Action.objects.filter(dossier=dossier).select_related("goal", "by_contact").order_by("id")
    plan.agreed_on = agreed_on
    plan.agreed_by = user
    plan.agreed_version = plan_version(goals, actions)
    plan.save()
    _event(dossier, user, _("Plan agreed with the household"), agreed_on)
    return plan
