"""Invitation e-mails (Django's mail settings), sent once the invitation is committed."""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _


def send_invitation(request, invitation, token: str) -> None:
    link = request.build_absolute_uri(reverse("portal:accept", args=[token]))
    body = render_to_string("portal/email/invitation.txt", {"invitation": invitation, "link": link,
                                                            "team": invitation.dossier.team})
    transaction.on_commit(lambda: send_mail(_("Invitation for Mijn buurtteam"), body, None, [invitation.email]))
