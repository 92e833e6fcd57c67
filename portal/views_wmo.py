"""The resident's side of the Wmo toegang (toegang, wmo-toegang.md): the report of the
onderzoek, with room for the resident's remarks, and the beschikking letters, of the resident
and their minor children (``portal.querysets.visible_client_ids``). Every page writes the access
log with the resident as the user."""

from django import forms
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.audit import log_access_many
from cases.models import AccessAction
from cases.shortcuts import submit_form
from maatwerk import melding_services
from maatwerk.models import Melding
from portal import querysets
from portal.decorators import portal_required
from portal.models import AccountKind
from toegang.models import Letter

DETAIL = gettext_lazy("Mijn buurtteam (resident)")


class RemarksForm(forms.Form):
    remarks = forms.CharField(label=gettext_lazy("Your remarks on the report"),
                              widget=forms.Textarea(attrs={"rows": 6}), max_length=melding_services.MAX_REMARKS)


def resident_letters(dossier, visible):
    return (Letter.objects.filter(referral__dossier=dossier)
            .filter(Q(referral__client__isnull=True) | Q(referral__client_id__in=visible))
            .select_related("referral__product").defer("pdf"))


def resident_verslagen(dossier, visible):
    """Meldingen whose report was given to the client (only then does the resident see it)."""
    return (Melding.objects.filter(dossier=dossier, verslag_on__isnull=False)
            .filter(Q(client__isnull=True) | Q(client_id__in=visible)))


@portal_required(AccountKind.RESIDENT)
def verslag(request, pk: int, melding_pk: int):
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    visible = querysets.visible_client_ids(account, dossier)
    melding = resident_verslagen(dossier, visible).filter(pk=melding_pk).first()
    if melding is None:
        raise Http404
    form = RemarksForm(request.POST or None, initial={"remarks": melding.client_remarks})
    if not dossier.closed_on and submit_form(
            request, form, lambda data: melding_services.record_remarks(
                melding, user=request.user, remarks=data["remarks"], resident=True),
            success=_("Thank you. Your remarks are kept with the report.")):
        log_access_many(request, AccessAction.CHANGE, clients=[account.client], dossier=dossier, detail=DETAIL)
        return redirect("portal:wmo_verslag", dossier.pk, melding.pk)
    log_access_many(request, AccessAction.VIEW, clients=[account.client], dossier=dossier, detail=DETAIL)
    return render(request, "portal/wmo_verslag.html", {"dossier": dossier, "melding": melding, "form": form})


@portal_required(AccountKind.RESIDENT)
def letter(request, pk: int, letter_pk: int):
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    visible = querysets.visible_client_ids(account, dossier)
    found = resident_letters(dossier, visible).filter(pk=letter_pk).defer(None).first()
    if found is None:
        raise Http404
    log_access_many(request, AccessAction.EXPORT, clients=[account.client], dossier=dossier,
                    detail=_("Mijn buurtteam (resident): beschikking %(date)s") % {"date": found.issued_on})
    response = HttpResponse(bytes(found.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{found.file_name}"'
    return response
