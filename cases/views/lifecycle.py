"""Forms that move a dossier through its lifecycle. Views only collect input and
show results; the rules are in ``cases.services``."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import extensions, services
from cases.audit import log_access, log_access_many
from cases.forms import (
    CloseForm,
    DetailsForm,
    FirstContactForm,
    MemberForm,
    RegistrationForm,
    ReopenForm,
    StartSupportForm,
    TransferForm,
)
from cases.models import AccessAction
from cases.permissions import team_ids
from cases.shortcuts import get_dossier, run_action, submit_form
from cases.views.clients import ClientResolution


def _action(request, pk, form_class, perform, *, title, success, initial=None, template="cases/dossier_action.html",
            done=None):
    """Render ``form_class`` for a dossier; on a valid POST call ``perform(dossier, data)``.
    ``done(dossier)`` gives the page to go to afterwards (default: the dossier) and
    ``success`` may be a callable of the dossier."""
    dossier = get_dossier(request, pk)
    form = form_class(request.POST or None, initial=initial, dossier=dossier)
    return _form_page(request, dossier, form, lambda data: perform(dossier, data), title=title, success=success,
                      template=template, done=done)


def _form_page(request, dossier, form, perform, *, title, success, template="cases/dossier_action.html", done=None):
    if submitted := submit_form(request, form, perform, success=success):
        log_access(request, AccessAction.CHANGE, dossier=dossier, detail=title)
        return redirect(done(submitted.result) if done else dossier)
    # The page shows the dossier (its household in the header): an access to every member.
    log_access_many(request, AccessAction.VIEW, dossier=dossier, detail=str(title),
                    clients=[m.client_id for m in dossier.members.all()])
    return render(request, template, {"dossier": dossier, "form": form, "title": title})


def _ask_confirmation_if_needed(form, error: ValidationError) -> None:
    if form.CONFIRM in getattr(error, "error_dict", {}):
        form.ask_confirmation()


def register(request):
    if not team_ids(request.user):
        raise PermissionDenied  # only team members register dossiers (for their own teams)
    form = RegistrationForm(request.POST or None, user=request.user)
    applicant = ClientResolution(request)
    # Both forms are checked (``&``), so every problem of the page shows in one round.
    posted = request.method == "POST" and form.is_valid() & applicant.form.is_valid()
    client = applicant.resolve() if posted else None
    if client is not None and (submitted := submit_form(
        request, form,
        lambda data: services.register_dossier(
            user=request.user, team=data["team"], registered_on=data["registered_on"], applicant=client,
            referrer=data["referrer"], lead_worker=data["lead_worker"], request_summary=data["request_summary"],
            confirm_other_open=form.confirmed_other_open,
        ),
        success=_("The registration has been saved."), on_error=_ask_confirmation_if_needed,
    )):
        log_access(request, AccessAction.CREATE, dossier=submitted.result, client=client)
        return redirect(submitted.result)
    return render(request, "cases/register.html", {"form": form, "applicant": applicant})


def edit_details(request, pk):
    dossier = get_dossier(request, pk)
    initial = {
        "registered_on": dossier.registered_on,
        "referrer": dossier.referrer_id,
        "lead_worker": dossier.lead_worker_id,
        "workers": list(dossier.workers.values_list("pk", flat=True)),
        "request_summary": dossier.request_summary,
    }
    return _action(
        request, pk, DetailsForm,
        lambda d, data: services.update_details(d, user=request.user, **data),
        title=_("Change details"), success=_("The details have been saved."),
        initial=initial,
    )


def first_contact(request, pk):
    return _action(
        request, pk, FirstContactForm,
        lambda d, data: services.record_first_contact(
            d, user=request.user, on=data["first_contact_on"], location=data["location"]
        ),
        title=_("Record first contact"), success=_("The first contact has been recorded."),
    )


def start_support(request, pk):
    return _action(
        request, pk, StartSupportForm,
        lambda d, data: services.start_support(d, user=request.user, on=data["support_started_on"]),
        title=_("Start support"), success=_("Support has started."),
    )


def transfer(request, pk):
    """After a transfer the user sees the dossier only when they also work in the new team;
    otherwise they land on their home page, told where the dossier went."""
    def still_visible(dossier) -> bool:
        return dossier.team_id in team_ids(request.user)

    def success(dossier):
        if still_visible(dossier):
            text = _("The dossier has been transferred to %(team)s.") % {"team": dossier.team.name}
        else:
            text = _("Dossier %(number)s has been transferred to %(team)s. You no longer see it, because you do "
                     "not work in that team.") % {"number": dossier.pk, "team": dossier.team.name}
        if dossier.lead_worker:
            return text + " " + _("%(name)s stays its lead worker and has a task about the transfer.") % {
                "name": dossier.lead_worker.get_full_name() or dossier.lead_worker.username}
        return text + " " + _("The team coach of %(team)s has a task to appoint a lead worker.") % {
            "team": dossier.team.name}

    return _action(
        request, pk, TransferForm,
        lambda d, data: services.transfer(d, user=request.user, to_team=data["to_team"], note=data["note"],
                                          lead_worker=data["lead_worker"]),
        title=_("Transfer to another team"), success=success,
        done=lambda dossier: dossier if still_visible(dossier) else reverse("cases:home"),
    )


def close(request, pk):
    """Closing asks what happens with every open item (``cases.extensions.open_items``) and
    starts from the closure a reopening undid."""
    dossier = get_dossier(request, pk)
    form = CloseForm(request.POST or None, initial=services.closure_initial(dossier) or None, dossier=dossier,
                     open_items=extensions.open_items(dossier))
    return _form_page(
        request, dossier, form,
        lambda data: services.close_dossier(
            dossier,
            user=request.user,
            closed_on=data["closed_on"],
            closure_reason=data["closure_reason"],
            can_continue_independently=data["can_continue_independently"],
            client_rating=data["client_rating"],
            safeguards=data["safeguards"],
            regie_after=data["regie_after"],
            settlements=form.settlements(),
        ),
        title=_("Close dossier"), success=_("The dossier has been closed."), template="cases/dossier_close.html",
    )


def reopen(request, pk):
    return _action(
        request, pk, ReopenForm,
        lambda d, data: services.reopen_dossier(d, user=request.user, reason=data["reason"]),
        title=_("Reopen dossier"), success=_("The dossier has been reopened."),
    )


def add_member(request, pk):
    dossier = get_dossier(request, pk)
    form = MemberForm(request.POST or None)
    person = ClientResolution(request)
    posted = request.method == "POST" and form.is_valid() & person.form.is_valid()
    client = person.resolve() if posted else None
    if client is not None and submit_form(
        request, form,
        lambda data: services.add_member(dossier, user=request.user, client=client, role=data["role"],
                                         confirm_other_open=form.confirmed_other_open),
        success=_("The member has been added."), on_error=_ask_confirmation_if_needed,
    ):
        log_access(request, AccessAction.CHANGE, dossier=dossier, client=client, detail=_("member added"))
        return redirect(dossier)
    log_access_many(request, AccessAction.VIEW, dossier=dossier, detail=_("Add member"),
                    clients=[m.client_id for m in dossier.members.all()])
    return render(request, "cases/add_member.html", {"dossier": dossier, "form": form, "person": person})


@require_POST
def remove_member(request, pk, member_pk):
    dossier = get_dossier(request, pk)
    member = get_object_or_404(dossier.members.select_related("client"), pk=member_pk)
    if run_action(request, lambda: services.remove_member(dossier, user=request.user, member=member),
                  success=_("The member has been removed.")):
        log_access(request, AccessAction.CHANGE, dossier=dossier, client=member.client, detail=_("member removed"))
    return redirect(dossier)
