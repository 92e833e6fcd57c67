"""Shortcuts for the views of every app: the scoped dossier or team (404 otherwise), pagination,
and the form → service → message flow (``submit_form``, ``run_action``) with the service's
errors next to their form fields (docs/adr/0140)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from cases.models import Dossier, DossierMember, Team

PAGE_SIZE = 50


def get_dossier(request, pk: int) -> Dossier:
    """A dossier of one of the user's teams, or 404 (also for other teams' dossiers)."""
    return get_object_or_404(
        Dossier.objects.for_user(request.user).select_related("team", "lead_worker", "referrer"), pk=pk
    )


def get_team(request, code: str) -> Team:
    return get_object_or_404(Team.objects.for_user(request.user), code=code)


def with_members(queryset):
    return queryset.prefetch_related(
        Prefetch("members", queryset=DossierMember.objects.select_related("client").order_by("id"))
    )


def paginate(request, queryset, per_page: int = PAGE_SIZE, param: str = "page"):
    """A page of ``queryset``; ``param`` names the query parameter (several lists on one page)."""
    page = Paginator(queryset, per_page).get_page(request.GET.get(param))
    page.param = param  # type: ignore[attr-defined]  # the templates' page links read it
    return page


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's rule violations next to the form field they concern."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                form.add_error(field if field in form.fields else None, item)
    else:
        for message in error.messages:
            form.add_error(None, message)


@dataclass(frozen=True)
class Submitted:
    """A form the service accepted; ``result`` is what the service returned."""

    result: Any


def submit_form(request, form, perform: Callable[[dict], Any], *, success,
                on_error: Callable[[Any, ValidationError], None] | None = None) -> Submitted | None:
    """The form → service → message flow of every page with a form.

    On a POST whose form is valid, call ``perform(form.cleaned_data)`` (a service). When it
    refuses (``ValidationError``), ``on_error(form, error)`` may react first (e.g. ask for a
    confirmation), then every message is shown next to its field and ``None`` is returned, as
    for a GET or an invalid form: the view renders the form again, nothing typed is lost.
    Otherwise ``success`` (a text, or a callable of the result; ``None`` for none) is shown as
    the next page's message and ``Submitted(result)`` returned: the view logs the access and
    redirects::

        if submitted := submit_form(request, form, lambda data: services.add_goal(dossier, **data),
                                    success=_("The goal has been added.")):
            log_access(request, AccessAction.CREATE, dossier=dossier, client=submitted.result.client)
            return redirect(dossier)
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = perform(form.cleaned_data)
    except ValidationError as error:
        if on_error is not None:
            on_error(form, error)
        add_service_errors(form, error)
        return None
    _succeeded(request, success, result)
    return Submitted(result)


def _succeeded(request, success, result) -> None:
    text = success(result) if callable(success) else success
    if text:
        messages.success(request, text)


def run_action(request, perform: Callable[[], Any], *, success) -> Submitted | None:
    """A button without a form (POST only): call ``perform()``; its refusal becomes one error
    message on the next page, else ``success`` (a text or a callable of the result) does."""
    try:
        result = perform()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None
    _succeeded(request, success, result)
    return Submitted(result)
