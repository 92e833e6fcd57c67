"""Consent pages of a dossier: record a member's consent, withdraw one. Scoped through
``get_dossier`` and ``Consent.objects.for_user`` (other teams' consents are 404); the
rules are in ``plans.consent_services``; every page writes the access log."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cases.audit import log_access, log_access_many
from cases.models import AccessAction
from cases.shortcuts import get_dossier, submit_form
from plans import consent_services
from plans.consent_forms import ConsentForm, WithdrawForm
from plans.models import Consent


def _page(request, dossier, form, *, title, consent=None):
    return render(request, "plans/consent_form.html", {
        "dossier": dossier, "form": form, "title": title, "consent": consent,
        "forms_with_errors": [form] if form.errors else [],
    })


def consent_new(request, pk):
    dossier = get_dossier(request, pk)
    if dossier.is_closed:
        messages.error(request, _("This dossier is closed; no new consent can be recorded in it."))
        return redirect(dossier)
    form = ConsentForm(request.POST or None, dossier=dossier, initial={"client": request.GET.get("lid", "")})
    log_access_many(request, AccessAction.VIEW, clients=form.members.values(), dossier=dossier,
                    detail=_("consent form"))
    if submitted := submit_form(
        request, form,
        lambda data: consent_services.record_consent(
            data["client"], user=request.user, dossier=dossier, **{k: v for k, v in data.items() if k != "client"}),
        success=_("The consent has been recorded."),
    ):
        log_access(request, AccessAction.CREATE, dossier=dossier, client=submitted.result.client,
                   detail=_("consent recorded"))
        return redirect(dossier)
    return _page(request, dossier, form, title=_("Record consent"))


def consent_withdraw(request, pk, consent_pk):
    dossier = get_dossier(request, pk)
    consent = get_object_or_404(
        Consent.objects.for_user(request.user).filter(client__memberships__dossier=dossier).select_related("client"),
        pk=consent_pk,
    )
    form = WithdrawForm(request.POST or None)
    log_access(request, AccessAction.VIEW, dossier=dossier, client=consent.client, detail=_("consent"))
    if submit_form(request, form, lambda data: consent_services.withdraw_consent(consent, user=request.user, **data),
                   success=_("The withdrawal of the consent has been recorded.")):
        log_access(request, AccessAction.CHANGE, dossier=dossier, client=consent.client, detail=_("consent withdrawn"))
        return redirect(dossier)
    return _page(request, dossier, form, title=_("Withdraw consent"), consent=consent)
