"""Staff passwords are set by the staff member, never by an administrator (issue 26, item 2;
docs/adr/0190): a new account gets no usable password, and "reset password" sends the
worker a one-time link (Django's token generator) to set it themselves. Both are in the
access log; the link page (``staffauth:password_set``) logs the password set."""

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from cases.audit import log_access
from cases.models import AccessAction


def send_reset_link(request, user) -> None:
    """Mail ``user`` a link to set their own password (valid for ``PASSWORD_RESET_TIMEOUT``,
    once: the token changes with the password)."""
    log_access(request, AccessAction.CHANGE, detail=_("password link sent to %(user)s") % {
        "user": user.get_username()})
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = request.build_absolute_uri(reverse("staffauth:password_set",
                                              args=[uid, default_token_generator.make_token(user)]))
    body = render_to_string("cases/email/password_link.txt", {"user": user, "link": link})
    if user.email:
        transaction.on_commit(lambda: send_mail(_("Set your buurtteam password"), body, None, [user.email]))
