"""The resident's own voice in Mijn buurtteam (client-voice.md): the zelfscan (the ZRM in
plain words, one life domain per screen, skipping allowed; shown beside the buurtteam's
scores) and the client-experience questionnaire once the support has ended. Every page
writes the access log with the resident as the user."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.audit import log_access_many
from cases.models import AccessAction
from cases.shortcuts import add_service_errors, submit_form
from portal import plain, querysets, services
from portal.decorators import portal_required
from portal.models import AccountKind
from voice import services as voice_services
from voice.forms import QuestionnaireForm
from voice.models import Questionnaire
from zrm import services as zrm_services
from zrm.models import Measurement, MeasurementType

SKIP = "overslaan"
RESIDENT_DETAIL = gettext_lazy("Mijn buurtteam (resident)")


def _log(request, dossier, clients) -> None:
    log_access_many(request, AccessAction.VIEW, clients=clients, dossier=dossier, detail=RESIDENT_DETAIL)


def latest_scores(dossier, client) -> tuple[dict, dict]:
    """(the resident's latest zelfscan, the buurtteam's latest score per domain) of ``client``."""
    own: dict = {}
    professional: dict = {}
    rows = Measurement.objects.filter(dossier=dossier, client=client, instrument__kind="zrm").order_by(
        "measured_on", "id").values_list("type", "scores")
    for kind, scores in rows:
        (own if kind == MeasurementType.SELF_SCAN else professional).update(scores)
    return own, professional


def comparison(dossier, client) -> list[dict]:
    """The resident's latest zelfscan beside the buurtteam's latest scores, per domain of the
    instrument of the zelfscan (one query when there is no zelfscan)."""
    own, professional = latest_scores(dossier, client)
    if not own:
        return []
    instrument = zrm_services.default_instrument()
    domains = list(instrument.domains.order_by("order")) if instrument else []
    return [{"label": plain.DOMAIN.get(d.code, d.label), "own": own.get(d.code), "team": professional.get(d.code)}
            for d in domains]


class StepForm(forms.Form):
    step = forms.ChoiceField(widget=forms.RadioSelect, required=False)

    def __init__(self, *args, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].label = label
        self.fields["step"].choices = [(str(n), text) for n, text in plain.ZRM_STEPS.items()]


@portal_required(AccountKind.RESIDENT)
def zelfscan(request, pk: int):
    """One domain per screen: the answers so far travel with the form as hidden fields."""
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    if dossier.closed_on:
        raise Http404
    instrument = zrm_services.default_instrument()
    domains = list(instrument.domains.order_by("order")) if instrument else []
    if not domains:
        raise Http404
    source = request.POST if request.method == "POST" else request.GET
    answers = {d.code: source.get(f"a_{d.code}", "") for d in domains}
    answers = {code: value for code, value in answers.items() if value in {str(n) for n in plain.ZRM_STEPS}}
    try:
        index = min(max(int(source.get("index", 0)), 0), len(domains) - 1)
    except ValueError:
        index = 0
    current = domains[index]
    form = StepForm(request.POST or None, label=plain.DOMAIN.get(current.code, current.label),
                    initial={"step": answers.get(current.code)})
    if request.method == "POST" and form.is_valid():
        move = request.POST.get("move", "next")
        chosen = form.cleaned_data["step"]
        if move == SKIP or not chosen:
            answers.pop(current.code, None)
        else:
            answers[current.code] = chosen
        if move == "back":
            index = max(index - 1, 0)
        elif index < len(domains) - 1:
            index += 1
        else:
            try:
                services.record_zelfscan(dossier, account=account, scores={c: int(v) for c, v in answers.items()})
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you. Your buurtteam will talk about it with you."))
                return redirect("portal:dossier", dossier.pk)
        current = domains[index]
        form = StepForm(label=plain.DOMAIN.get(current.code, current.label),
                        initial={"step": answers.get(current.code)})
    _log(request, dossier, [account.client])
    return render(request, "portal/zelfscan.html", {
        "dossier": dossier, "form": form, "index": index, "number": index + 1, "total": len(domains),
        "answers": {c: v for c, v in answers.items() if c != current.code}, "last": index == len(domains) - 1,
        "question": plain.DOMAIN_QUESTION.get(current.code, ""),
    })


@portal_required(AccountKind.RESIDENT)
def questionnaire(request, pk: int):
    account = request.portal_account
    dossier = querysets.resident_dossier(account, pk)
    version = voice_services.current_set()
    if not dossier.closed_on or version is None or Questionnaire.objects.filter(dossier=dossier).exists():
        raise Http404
    form = QuestionnaireForm(request.POST or None, version=version, resident=True, dossier=dossier)
    if submit_form(request, form,
                   lambda data: services.answer_questionnaire(dossier, account=account, answers=form.answers()),
                   success=_("Thank you for your answers.")):
        return redirect("portal:dossier", dossier.pk)
    _log(request, dossier, [account.client])
    return render(request, "portal/questionnaire.html", {"dossier": dossier, "form": form})
