"""The worker's side of Mijn buurtteam, on the dossier: invite members (e-mail and a printed
letter with the code), answer proposed goals, comments and messages, share documents,
invite third parties to a goal, withdraw invitations. Scoped through ``get_dossier``."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.audit import log_access, log_access_many
from cases.models import AccessAction, DossierMember
from cases.services import today
from cases.shortcuts import get_dossier, run_action, submit_form
from journal.models import Document
from plans.consent_services import names_contact
from plans.models import Consent, Goal, NetworkContact
from portal import mail, services
from portal.forms import CommentForm, DecideProposalForm, InviteForm, TeamMessageForm, ThirdPartyForm
from portal.models import (
    ActionDone,
    EHealthApp,
    GoalApplication,
    GoalComment,
    GoalProposal,
    Invitation,
    Message,
    SharedDocument,
)
from portal.querysets import adults_with_account, is_adult


def _adults(dossier):
    return [m.client for m in DossierMember.objects.filter(dossier=dossier).select_related("client")
            if is_adult(m.client)]


def invite(request, pk: int):
    dossier = get_dossier(request, pk)
    adults = _adults(dossier)
    form = InviteForm(request.POST or None, adults=adults,
                      initial={"client": request.GET.get("client", "")})
    def chosen(data):
        return next(c for c in adults if str(c.pk) == data["client"])

    if submitted := submit_form(
        request, form,
        lambda data: services.invite_resident(dossier, user=request.user, client=chosen(data),
                                              email=data["email"] or chosen(data).email),
        success=None,
    ):
        invitation, token, code = submitted.result
        client = chosen(form.cleaned_data)
        if invitation.email:
            mail.send_invitation(request, invitation, token)
        log_access(request, AccessAction.CREATE, client=client, dossier=dossier, detail=_("Portal invitation"))
        return render(request, "portal/staff/invitation_letter.html", {
            "dossier": dossier, "invitation": invitation, "client": client,
            "code": services.format_code(code), "code_url": request.build_absolute_uri("/mijn/uitnodiging/")})
    log_access_many(request, AccessAction.VIEW, clients=adults, dossier=dossier)
    return render(request, "portal/staff/invite.html", {"dossier": dossier, "form": form})


def overview(request, pk: int):
    """Everything the household did in the portal, with the forms to answer it."""
    dossier = get_dossier(request, pk)
    members = [m.client for m in DossierMember.objects.filter(dossier=dossier).select_related("client")]
    goals = list(Goal.objects.filter(dossier=dossier).order_by("set_on", "id"))
    comments: dict = {}
    for comment in GoalComment.objects.filter(dossier=dossier).select_related("author", "author__portal_account"):
        comments.setdefault(comment.goal_id, []).append(comment)
    offers: dict = {}
    for offer in GoalApplication.objects.filter(dossier=dossier).select_related("app"):
        offers.setdefault(offer.goal_id, []).append(offer)
    for goal in goals:
        goal.portal_comments_list = comments.get(goal.pk, [])
        goal.offers = offers.get(goal.pk, [])
    log_access_many(request, AccessAction.VIEW, clients=members, dossier=dossier)
    return render(request, "portal/staff/overview.html", {
        "dossier": dossier, "goals": goals,
        "proposals": list(GoalProposal.objects.filter(dossier=dossier).select_related("client", "decided_by")),
        "decide_form": DecideProposalForm(), "comment_form": CommentForm(),
        "message_form": TeamMessageForm(members=adults_with_account(dossier)),
        "done": list(ActionDone.objects.filter(dossier=dossier).select_related("action")),
        "items": list(Message.objects.filter(dossier=dossier).select_related("author", "author__portal_account")
                      .prefetch_related("recipients")),
        "documents": list(Document.objects.filter(dossier=dossier).select_related("portal_share")),
        "shared_ids": set(SharedDocument.objects.filter(dossier=dossier).values_list("document_id", flat=True)),
        "invitations": list(Invitation.objects.filter(dossier=dossier).select_related("client", "contact", "goal")),
        "can_change": not dossier.is_closed,
        "library": list(EHealthApp.objects.filter(active=True)),
    })


def _back(dossier, anchor=""):
    from django.urls import reverse

    return redirect(reverse("portal_staff:overview", args=[dossier.pk]) + anchor)


@require_POST
def decide(request, pk: int, proposal_pk: int):
    dossier = get_dossier(request, pk)
    proposal = get_object_or_404(GoalProposal, pk=proposal_pk, dossier=dossier)
    form = DecideProposalForm(request.POST)
    if form.is_valid():
        run_action(request, lambda: services.decide_proposal(
            proposal, user=request.user, take_over=form.cleaned_data["decision"] == "set",
            answer=form.cleaned_data["answer"]), success=_("The household sees your answer in Mijn buurtteam."))
    else:
        messages.error(request, _("Choose whether the goal is set or not taken over."))
    return _back(dossier, "#proposals")


@require_POST
def comment(request, pk: int, goal_pk: int):
    dossier = get_dossier(request, pk)
    goal = get_object_or_404(Goal, pk=goal_pk, dossier=dossier)
    form = CommentForm(request.POST)
    if form.is_valid():
        run_action(request, lambda: services.add_comment(goal, user=request.user, text=form.cleaned_data["text"],
                                                         from_portal=False), success=None)
    else:
        messages.error(request, _("Write your comment."))
    return _back(dossier, f"#goal-{goal.pk}")


@require_POST
def message(request, pk: int):
    dossier = get_dossier(request, pk)
    form = TeamMessageForm(request.POST, members=adults_with_account(dossier))
    if form.is_valid():
        run_action(request, lambda: services.send_message(
            dossier, user=request.user, text=form.cleaned_data["text"], from_household=False,
            recipient_ids=form.cleaned_data["recipients"]), success=None)
    else:
        messages.error(request, _("Write your message and choose who in the household it is for."))
    return _back(dossier, "#messages")


@require_POST
def share(request, pk: int, document_pk: int):
    dossier = get_dossier(request, pk)
    found = get_object_or_404(Document, pk=document_pk, dossier=dossier)
    services.share_document(found, user=request.user, shared=request.POST.get("shared") == "1")
    return _back(dossier, "#documents")


@require_POST
def withdraw(request, pk: int, invitation_pk: int):
    dossier = get_dossier(request, pk)
    invitation = get_object_or_404(Invitation, pk=invitation_pk, dossier=dossier)
    services.withdraw_invitation(invitation, user=request.user)
    messages.success(request, _("The invitation is withdrawn. Access has ended."))
    return _back(dossier, "#invitations")


def invite_third_party(request, pk: int, goal_pk: int):
    dossier = get_dossier(request, pk)
    goal = get_object_or_404(Goal, pk=goal_pk, dossier=dossier)
    contacts = list(NetworkContact.objects.filter(dossier=dossier))
    member_ids = list(DossierMember.objects.filter(dossier=dossier).values_list("client_id", flat=True))
    consents = list(Consent.objects.in_force(today()).filter(client_id__in=member_ids)
                    .filter(Q(dossier__isnull=True) | Q(dossier=dossier)))
    pairs = {f"{contact.pk}-{consent.pk}": (contact, consent)
             for contact in contacts for consent in consents if names_contact(consent, contact)}
    form = ThirdPartyForm(request.POST or None, pairs=pairs.values())

    if submitted := submit_form(
        request, form,
        lambda data: services.invite_third_party(goal, user=request.user, contact=pairs[data["invitee"]][0],
                                                 consent=pairs[data["invitee"]][1], email=data["email"]),
        success=None,
    ):
        invitation, token, code = submitted.result
        if invitation.email:
            mail.send_invitation(request, invitation, token)
        log_access(request, AccessAction.CREATE, client=goal.client, dossier=dossier,
                   detail=_("Portal invitation for one goal"))
        return render(request, "portal/staff/invitation_letter.html", {
            "dossier": dossier, "invitation": invitation, "contact": invitation.contact, "goal": goal,
            "code": services.format_code(code), "code_url": request.build_absolute_uri("/mijn/uitnodiging/")})
    log_access_many(request, AccessAction.VIEW, clients=[goal.client] if goal.client_id else [], dossier=dossier)
    return render(request, "portal/staff/invite_third_party.html",
                  {"dossier": dossier, "goal": goal, "form": form, "pairs": pairs})


@require_POST
def offer_app(request, pk: int, goal_pk: int):
    dossier = get_dossier(request, pk)
    goal = get_object_or_404(Goal, pk=goal_pk, dossier=dossier)
    app = EHealthApp.objects.filter(pk=request.POST.get("app") or 0).first() if (
        request.POST.get("app") or "").isdigit() else None
    if app is None:
        messages.error(request, _("Choose an application from the library."))
    else:
        run_action(request, lambda: services.offer_app(goal, user=request.user, app=app),
                   success=_("The household sees the application on this goal."))
    return _back(dossier, f"#goal-{goal.pk}")
