"""Letters: writing one for a dossier (a PDF kept as a dossier document, then shared in the
portal or printed) and, for functional administration, the templates with a preview."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from agenda import letters, services
from agenda.forms import LetterForm, TemplateForm
from agenda.models import Letter, LetterTemplate
from cases.audit import log_access, log_access_many
from cases.models import AccessAction
from cases.permissions import beheer_required
from cases.shortcuts import get_dossier, submit_form


def letter_new(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_dossier(request, pk)
    form = LetterForm(request.POST or None, dossier=found, initial={
        "template": request.GET.get("brief"), "appointment": request.GET.get("afspraak")})
    if submitted := submit_form(request, form, lambda data: services.make_letter(
            found, user=request.user, template=data["template"], client=data["client"],
            appointment=data.get("appointment")), success=_("The letter has been made and kept with the documents.")):
        log_access(request, AccessAction.CREATE, dossier=found, client=submitted.result.client, detail=_("Letter"))
        return redirect("agenda:letter", submitted.result.pk)
    log_access_many(request, AccessAction.VIEW, dossier=found, clients=[m.client_id for m in found.members.all()],
                    detail=_("Write a letter"))
    return render(request, "agenda/letter_form.html", {"dossier": found, "form": form})


def letter(request: HttpRequest, pk: int) -> HttpResponse:
    """A letter made: print it (the PDF) or share it in Mijn buurtteam."""
    found: Letter = get_object_or_404(Letter.objects.for_user(request.user).select_related(
        "dossier__team", "template", "client", "document", "created_by"), pk=pk)
    log_access(request, AccessAction.VIEW, dossier=found.dossier, client=found.client, detail=_("Letter"))
    shared = hasattr(found.document, "portal_share")
    return render(request, "agenda/letter.html", {"letter": found, "dossier": found.dossier, "shared": shared})


@beheer_required
def templates(request: HttpRequest) -> HttpResponse:
    return render(request, "agenda/templates.html", {"templates": LetterTemplate.objects.all()})


@beheer_required
def template_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    template = get_object_or_404(LetterTemplate, pk=pk) if pk else LetterTemplate()
    form = TemplateForm(request.POST or None, instance=template)
    if template.pk is None:
        form.fields["code"] = TemplateForm.code_field()
    def perform(data: dict[str, str]) -> LetterTemplate:
        if template.pk is None:
            form.instance.code = data["code"]
        saved: LetterTemplate = services.save_template(form.instance, user=request.user)
        return saved

    if submit_form(request, form, perform, success=_("The letter has been saved.")):
        return redirect("agenda:templates")
    return render(request, "agenda/template_form.html", {"form": form, "template": template,
                                                         "fields": letters.field_help()})


@beheer_required
def template_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The template with demo data (no person's data), as a PDF."""
    template = get_object_or_404(LetterTemplate, pk=pk)
    response = HttpResponse(letters.pdf(template.title, template.body, letters.demo_values()),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="voorbeeld-{template.code}.pdf"'
    return response
