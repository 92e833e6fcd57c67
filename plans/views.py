"""Plan pages. Every view starts from the user's scope (``get_dossier``, ``for_user``), so
other teams' plans are 404; the rules are in ``plans.services``; every page that shows
or changes personal data writes the access log."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.audit import log_access, log_access_many
from cases.models import AccessAction
from cases.services import today
from cases.shortcuts import get_dossier, run_action, submit_form
from maatwerk.models import Product
from plans import services
from plans.changes import changes_since_agreed
from plans.forms import ActionForm, AgreeForm, ContactForm, GoalForm, GoalReferralForm, GoalStatusForm
from plans.models import Action, Goal, NetworkContact
from plans.panels import load_plan
from plans.suggestions import suggestions


def _plan_url(dossier):
    return redirect("plans:plan", dossier.pk)


def _members(dossier):
    return list(dossier.members.select_related("client"))


def plan(request, pk):
    dossier = get_dossier(request, pk)
    members = _members(dossier)
    data = load_plan(request.user, dossier)
    log_access_many(request, AccessAction.VIEW, clients=[m.client for m in members], dossier=dossier,
                    detail=_("plan"))
    data.update({
        "members": members,
        "suggestions": suggestions(dossier, data["goals"], members) if data["can_edit"] else [],
        "changes": changes_since_agreed(data["plan"], data["goals"], data["actions"]),
        "agree_form": AgreeForm(),
        "today": today(),
    })
    return render(request, "plans/plan.html", data)


def plan_print(request, pk):
    """The plan on A4 (print stylesheet), with room for signatures."""
    dossier = get_dossier(request, pk)
    members = _members(dossier)
    data = load_plan(request.user, dossier)
    log_access_many(request, AccessAction.EXPORT, clients=[m.client for m in members], dossier=dossier,
                    detail=_("plan printed"))
    data.update({"members": members, "today": today(),
                 "changes": changes_since_agreed(data["plan"], data["goals"], data["actions"])})
    return render(request, "plans/plan_print.html", data)


def _form_page(request, dossier, form, perform, *, title, success, action=AccessAction.CHANGE, extra=None):
    """Show ``form``; on a valid POST call ``perform(cleaned_data)`` (a service) and go back to
    the plan. A closed dossier's plan is read-only: its forms are not offered."""
    if dossier.is_closed:
        messages.error(request, _("This dossier is closed; its plan can no longer be changed."))
        return _plan_url(dossier)
    if submitted := submit_form(request, form, perform, success=success):
        log_access(request, action, dossier=dossier, client=getattr(submitted.result, "client", None), detail=title)
        return _plan_url(dossier)
    log_access_many(request, AccessAction.VIEW, clients=[m.client for m in _members(dossier)], dossier=dossier,
                    detail=title)  # the form names the household's members (choices, header)
    return render(request, "plans/form.html",
                  {"dossier": dossier, "form": form, "title": title,
                   "forms_with_errors": [form] if form.errors else [], **(extra or {})})


def _goal(dossier, goal_pk) -> Goal:
    return get_object_or_404(Goal.objects.filter(dossier=dossier).select_related("client"), pk=goal_pk)


def goal_new(request, pk):
    dossier = get_dossier(request, pk)
    form = GoalForm(request.POST or None, dossier=dossier, initial={"client": request.GET.get("lid", "")})
    return _form_page(request, dossier, form,
                      lambda data: services.add_goal(dossier, user=request.user, **data),
                      title=_("New goal"), success=_("The goal has been added to the plan."),
                      action=AccessAction.CREATE)


def goal_edit(request, pk, goal_pk):
    dossier = get_dossier(request, pk)
    goal = _goal(dossier, goal_pk)
    form = GoalForm(request.POST or None, dossier=dossier, initial=GoalForm.initial_for(goal))
    return _form_page(request, dossier, form,
                      lambda data: services.update_goal(goal, user=request.user, **data),
                      title=_("Change goal"), success=_("The goal has been saved."))


@require_POST
def goal_suggested(request, pk):
    """One click on a suggestion: a goal to improve that member's domain, set today."""
    dossier = get_dossier(request, pk)
    members = _members(dossier)
    data = load_plan(request.user, dossier)
    wanted = (request.POST.get("client", ""), request.POST.get("domain", ""))
    match = next((s for s in suggestions(dossier, data["goals"], members)
                  if (str(s.client.pk) if s.client else "", s.domain) == wanted), None)
    if match is None:
        messages.error(request, _("This suggestion no longer applies."))
        return _plan_url(dossier)
    submitted = run_action(
        request,
        lambda: services.add_goal(dossier, user=request.user, client=match.client, domain=match.domain,
                                  direction="verbeteren", description=""),
        success=_("The goal %(goal)s has been added; describe it in the household's own words.")
        % {"goal": match.label})
    if not submitted:
        return _plan_url(dossier)
    goal = submitted.result
    log_access(request, AccessAction.CREATE, dossier=dossier, client=goal.client, detail=_("goal from suggestion"))
    return redirect("plans:goal_edit", dossier.pk, goal.pk)


def goal_status(request, pk, goal_pk):
    dossier = get_dossier(request, pk)
    goal = _goal(dossier, goal_pk)
    form = GoalStatusForm(request.POST or None, initial={"status": goal.status, "status_on": goal.status_on or today()})
    return _form_page(request, dossier, form,
                      lambda data: services.set_goal_status(goal, user=request.user, **data),
                      title=_("Evaluate goal"), success=_("The status of the goal has been saved."),
                      extra={"goal": goal})


def goal_refer(request, pk, goal_pk):
    dossier = get_dossier(request, pk)
    goal = _goal(dossier, goal_pk)
    initial = {"client": goal.client_id} if goal.client_id else None
    form = GoalReferralForm(request.POST or None, dossier=dossier, initial=initial)

    def perform(data):
        referral, _action = services.refer_from_goal(goal, user=request.user, **data)
        return referral

    return _form_page(request, dossier, form, perform, title=_("Refer to maatwerk for this goal"),
                      success=_("The referral has been saved and added to the plan as support."),
                      action=AccessAction.CREATE, extra={"goal": goal, "catalogue": Product.objects.catalogue()})


def action_new(request, pk):
    dossier = get_dossier(request, pk)
    goal = Goal.objects.filter(dossier=dossier, pk=request.GET.get("doel") or 0).first()
    initial = {"goal": goal.pk, "domain": goal.domain} if goal else {}
    form = ActionForm(request.POST or None, dossier=dossier, initial=initial)
    return _form_page(request, dossier, form,
                      lambda data: services.add_action(dossier, user=request.user, **data),
                      title=_("New support"), success=_("The support has been added to the plan."),
                      action=AccessAction.CREATE)


def action_edit(request, pk, action_pk):
    dossier = get_dossier(request, pk)
    action = get_object_or_404(Action.objects.filter(dossier=dossier).select_related("referral"), pk=action_pk)
    form = ActionForm(request.POST or None, dossier=dossier, initial=ActionForm.initial_for(action))
    return _form_page(request, dossier, form,
                      lambda data: services.update_action(action, user=request.user, **data),
                      title=_("Change support"), success=_("The support has been saved."),
                      extra={"linked_referral": action.referral})


@require_POST
def action_remove(request, pk, action_pk):
    dossier = get_dossier(request, pk)
    action = get_object_or_404(Action.objects.filter(dossier=dossier), pk=action_pk)
    return _remove(request, dossier, lambda: services.remove_action(action, user=request.user),
                   detail=_("support removed"), success=_("The support has been removed from the plan."))


def contact_new(request, pk):
    dossier = get_dossier(request, pk)
    form = ContactForm(request.POST or None)
    return _form_page(request, dossier, form,
                      lambda data: services.add_contact(dossier, user=request.user, **data),
                      title=_("New network contact"), success=_("The contact has been added to the network."),
                      action=AccessAction.CREATE)


def contact_edit(request, pk, contact_pk):
    dossier = get_dossier(request, pk)
    contact = get_object_or_404(NetworkContact.objects.filter(dossier=dossier), pk=contact_pk)
    form = ContactForm(request.POST or None, initial={f: getattr(contact, f) for f in services.CONTACT_FIELDS})
    return _form_page(request, dossier, form,
                      lambda data: services.update_contact(contact, user=request.user, **data),
                      title=_("Change network contact"), success=_("The contact has been saved."))


@require_POST
def contact_remove(request, pk, contact_pk):
    dossier = get_dossier(request, pk)
    contact = get_object_or_404(NetworkContact.objects.filter(dossier=dossier), pk=contact_pk)
    return _remove(request, dossier, lambda: services.remove_contact(contact, user=request.user),
                   detail=_("network contact removed"), success=_("The contact has been removed from the network."))


def _remove(request, dossier, remove, *, detail: str, success: str):
    """Run a removal service; its refusal becomes a message, a removal is logged."""
    if run_action(request, remove, success=success):
        log_access(request, AccessAction.CHANGE, dossier=dossier, detail=detail)
    return _plan_url(dossier)


def agree(request, pk):
    dossier = get_dossier(request, pk)
    form = AgreeForm(request.POST or None)
    return _form_page(request, dossier, form,
                      lambda data: services.agree_plan(dossier, user=request.user, **data),
                      title=_("The household agrees to the plan"),
                      success=_("The plan has been agreed. You can print it for signatures."))
