"""Confirming granted access (four eyes, docs/adr/0190): a role with access to personal data
gives access only after a second person confirms it here: a coach of the team or another
functional administrator (for a functional administrator: another functional administrator)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import memberships
from cases.permissions import roles


def _may_confirm_any(user) -> bool:
    mine = roles(user)
    return mine.beheer or bool(mine.coached_team_ids)


def awaiting_confirmation(request):
    if not _may_confirm_any(request.user):
        raise Http404
    return render(request, "cases/access_confirm.html", {"waiting": memberships.awaiting(request.user)})


@require_POST
def confirm(request, pk: int):
    if not _may_confirm_any(request.user):
        raise Http404
    try:
        membership = memberships.confirm_membership(request, pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Access confirmed: %(user)s – %(access)s") % {
            "user": membership.user.get_username(), "access": memberships.describe(membership)})
    return redirect("cases:access_confirm")
