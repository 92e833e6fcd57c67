"""Shortcuts for the views of every app: the scoped dossier or team (404 otherwise), pagination,
service errors next to their form fields."""

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
    page.param = param
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
