"""What a resident sees and writes in Mijn buurtteam (/mijn/). Every query goes through
``portal.querysets`` (only the resident's own dossiers; within one, the resident and
their minor children); every page that shows personal data writes the access log with
the resident as the user."""

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases.audit import log_access_many
from cases.models import AccessAction
from cases.shortcuts import run_action, submit_form
from portal import plain, querysets, services, views_agenda, views_wmo
from portal.decorators import portal_required
from portal.forms import CommentForm, MessageForm, ProposeGoalForm
from portal.models import AccountKind, ActionDone
from portal.zrm_picture import pictures

RESIDENT_DETAIL = gettext_lazy("Mijn buurtteam (resident)")


def _log(request, dossier, clients, action=AccessAction.VIEW):
    log_access_many(request, action, clients=clients, dossier=dossier, detail=RESIDENT_DETAIL)


@portal_required()
def home(request):
    account = request.portal_account
    if account.kind == AccountKind.INVITEE:
        from portal.views_invitee import invitee_home

        return invitee_home(request)
    dossiers = list(querysets.resident_dossiers(account).select_related("team", "lead_worker")
                    .order_by("closed_on", "-registered_on"))
    if len(dossiers) == 1:
        return redirect("portal:dossier", dossiers[0].pk)
    for dossier in dossiers:
        _log(request, dossier, [account.client])
    return render(request, "portal/home.html", {"dossiers": dossiers, "account": account})


def _domain_labels(goals) -> dict:
    """Plain names of the goals' life domains, in one query."""
    from zrm.models import Domain

    labels = {"overig": _("other")}
    codes = {goal.domain for goal in goals} - set(labels)
    labels.update(Domain.objects.filter(code__in=codes).order_by("instrument_id").values_list("code", "label"))
    labels.update({code: plain.DOMAIN[code] for code in codes if code in plain.DOMAIN})  # B1 words
    return labels


def _goal_rows(goals, actions, done_ids):
    by_goal: dict = {}
    labels = _domain_labels(goals) if goals else {}
    for action in actions:
        action.plain_kanteling = plain.KANTELING.get(action.kanteling, action.get_kanteling_display())
        action.reported_done = action.pk in done_ids
        by_goal.setdefault(action.goal_id, []).append(action)
    for goal in goals:
        goal.plain_status = plain.GOAL_STATUS.get(goal.status, goal.get_status_display())
        goal.domain_name = labels.get(goal.domain, goal.domain)
        goal.portal_actions = by_goal.get(goal.pk, [])
    return by_goal.get(None, [])


@portal_required(AccountKind.RESIDENT)
def dossier(request, pk: int):
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    visible = querysets.visible_client_ids(account, dossier)
    people = querysets.visible_clients(account, dossier, visible)
    goals = list(querysets.resident_goals(account, dossier, visible).select_related("client").order_by("set_on", "id"))
    actions = list(querysets.resident_actions(account, dossier, goals).select_related("referral")
                   .order_by("starts_on", "id"))
    done_ids = set(ActionDone.objects.filter(action__in=actions).values_list("action_id", flat=True))
    household_actions = _goal_rows(goals, actions, done_ids)
    proposals = list(querysets.resident_proposals(account, dossier, visible).filter(goal__isnull=True))
    for proposal in proposals:
        proposal.plain_status = plain.PROPOSAL_STATUS.get(proposal.status, proposal.status)
    referrals = list(querysets.resident_referrals(dossier, visible).select_related("product", "client"))
    for referral in referrals:
        referral.plain_status = plain.REFERRAL_STATUS.get(referral.status, referral.get_status_display())
    _log(request, dossier, people)
    return render(request, "portal/dossier.html", {
        "dossier": dossier, "account": account, "people": people, "goals": goals,
        "household_actions": household_actions, "proposals": proposals, "referrals": referrals,
        "pictures": pictures(querysets.resident_measurements(dossier, visible)),
        "documents": list(querysets.shared_documents(dossier)),
        "wmo_letters": list(views_wmo.resident_letters(dossier, visible)),
        "appointments": list(views_agenda.resident_appointments(dossier, visible)),
        "wants_reminders": views_agenda.wants_reminders(account),
        "wmo_verslagen": list(views_wmo.resident_verslagen(dossier, visible)),
        "message_count": querysets.resident_messages(account, dossier).count(),
        "plan": getattr(dossier, "plan", None) if hasattr(dossier, "plan") else None,
        **views_voice_context(dossier, account),
    })


def views_voice_context(dossier, account) -> dict:
    """The zelfscan beside the buurtteam's scores, and the questionnaire once the help has ended."""
    from portal.views_voice import comparison
    from voice.models import Questionnaire
    from voice.services import current_set

    return {
        "self_scan": comparison(dossier, account.client),
        "can_answer_questionnaire": bool(dossier.closed_on) and current_set() is not None
        and not Questionnaire.objects.filter(dossier=dossier).exists(),
    }


@portal_required(AccountKind.RESIDENT)
def goal(request, pk: int, goal_pk: int):
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    goal = querysets.resident_goal(account, dossier, goal_pk)
    actions = list(goal.actions.select_related("referral").order_by("starts_on", "id"))
    done_ids = set(ActionDone.objects.filter(action__in=actions).values_list("action_id", flat=True))
    _goal_rows([goal], actions, done_ids)
    form = CommentForm(request.POST or None)
    if submit_form(request, form,
                   lambda data: services.add_comment(goal, user=request.user, text=data["text"], from_portal=True),
                   success=_("Your comment has been saved. Your buurtteam can read it.")):
        return redirect("portal:goal", dossier.pk, goal.pk)
    shown = [account.client] + ([goal.client] if goal.client_id and goal.client_id != account.client_id else [])
    _log(request, dossier, shown)
    from portal.views_invitee import invitation_rows

    return render(request, "portal/goal.html", {
        "dossier": dossier, "goal": goal, "comments": list(querysets.goal_comments(goal)), "form": form,
        "account": account, "invitations": invitation_rows(goal),
        "offers": list(goal.ehealth_offers.select_related("app")),
    })


@require_POST
@portal_required(AccountKind.RESIDENT)
def action_done(request, pk: int, action_pk: int):
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    goals = querysets.resident_goals(account, dossier)
    action = querysets.resident_actions(account, dossier, goals).filter(pk=action_pk).first()
    if action is None:
        raise Http404
    run_action(request, lambda: services.report_action_done(action, account=account),
               success=_("Thank you. Your buurtteam sees that this is done."))
    _log(request, dossier, [account.client], AccessAction.CHANGE)
    if request.POST.get("back") == "goal" and action.goal_id:
        return redirect("portal:goal", dossier.pk, action.goal_id)
    return redirect(reverse("portal:dossier", args=[dossier.pk]) + "#plan")


@portal_required(AccountKind.RESIDENT)
def goal_new(request, pk: int):
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    people = querysets.visible_clients(account, dossier)
    form = ProposeGoalForm(request.POST or None, people=people, dossier=dossier)
    if submit_form(
        request, form,
        lambda data: services.propose_goal(
            dossier, account=account, client_id=int(data["client"]) if data["client"] else None,
            domain=data["domain"], description=data["description"]),
        success=_("Thank you. Your buurtteam will look at your goal with you."),
    ):
        return redirect("portal:dossier", dossier.pk)
    _log(request, dossier, people)
    return render(request, "portal/goal_new.html", {"dossier": dossier, "form": form})


@portal_required(AccountKind.RESIDENT)
def message_list(request, pk: int):
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    form = MessageForm(request.POST or None)
    if submit_form(request, form,
                   lambda data: services.send_message(dossier, user=request.user, text=data["text"],
                                                      from_household=True, for_household=data["for_household"]),
                   success=_("Your message has been sent.")):
        return redirect("portal:messages", dossier.pk)
    items = list(querysets.resident_messages(account, dossier))
    _log(request, dossier, [account.client, *querysets.message_people(items)])
    return render(request, "portal/messages.html", {
        "dossier": dossier, "form": form, "items": items, "account": account})


@portal_required(AccountKind.RESIDENT)
def document(request, pk: int, document_pk: int):
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    found = querysets.shared_documents(dossier).filter(pk=document_pk).first()
    if found is None:
        raise Http404
    log_access_many(request, AccessAction.EXPORT, clients=[account.client], dossier=dossier,
                    detail=_("Mijn buurtteam (resident): document %(name)s") % {"name": found.original_name})
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.original_name,
                        content_type=found.content_type)
