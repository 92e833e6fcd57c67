"""The worker enters a questionnaire answered on paper or by phone (client-voice.md)."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cases.audit import log_access, log_access_many
from cases.logs import AccessAction
from cases.shortcuts import get_dossier, submit_form
from voice import services
from voice.forms import QuestionnaireForm
from voice.models import Questionnaire


def new(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = get_dossier(request, pk)
    version = services.current_set()
    if version is None or Questionnaire.objects.filter(dossier=dossier).exists():
        raise Http404
    members = list(dossier.members.select_related("client").order_by("id"))
    form = QuestionnaireForm(request.POST or None, version=version, members=members, dossier=dossier)

    def save(data: Any) -> Questionnaire:
        return services.record_questionnaire(dossier, user=request.user, **form.service_arguments())

    if submit_form(request, form, save, success=_("The questionnaire has been saved.")):
        log_access(request, AccessAction.CREATE, dossier=dossier, detail=_("client-experience questionnaire"))
        return redirect(dossier)
    log_access_many(request, AccessAction.VIEW, dossier=dossier, clients=[m.client_id for m in members],
                    detail=_("client-experience questionnaire form"))
    return render(request, "voice/questionnaire_form.html", {"dossier": dossier, "form": form})
