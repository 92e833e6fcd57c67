"""A generalist invites an adult member; the link (or printed code) sets the password;
every login is the password plus a code sent by e-mail."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from conftest import as_user
from portal.models import Invitation, PortalAccount
from portal.testing import PASSWORD


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    """django-otp waits a second after a wrong code and a minute between mails; tested apart."""
    settings.OTP_EMAIL_THROTTLE_FACTOR = 0
    settings.OTP_EMAIL_COOLDOWN_DURATION = 0


def _code_from_mail():
    return re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)


def test_invited_by_link_sets_password_and_logs_in_with_emailed_code(client, dossier_a, applicant, generalist_a,
                                                                      django_capture_on_commit_callbacks):
    as_user(client, generalist_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("portal_staff:invite", args=[dossier_a.pk]),
                               {"client": applicant.pk, "email": "bewoner@example.org"})
    assert response.status_code == 200 and "invitation-code" in response.content.decode()
    link = re.search(r"http://testserver(/mijn/uitnodiging/[^/\s]+/)", mail.outbox[-1].body).group(1)
    client.logout()

    response = client.post(link, {"email": "bewoner@example.org", "password": PASSWORD, "password_again": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("portal:login_code")
    assert PortalAccount.objects.get(client=applicant).user.has_usable_password() is False
    response = client.post(reverse("portal:login_code"), {"token": _code_from_mail()})
    assert response.status_code == 302
    assert client.get(reverse("portal:home"), follow=True).status_code == 200

    client.post(reverse("portal:logout"))
    assert client.get(link).status_code == 404  # single use

    response = client.post(reverse("portal:login"), {"email": "bewoner@example.org", "password": PASSWORD})
    assert response.url == reverse("portal:login_code")
    assert client.get(reverse("portal:home")).status_code == 302  # not in before the code
    assert client.post(reverse("portal:login_code"), {"token": "000000"}).status_code == 200
    client.post(reverse("portal:login_code"), {"token": _code_from_mail()})
    assert client.get(reverse("portal:dossier", args=[dossier_a.pk])).status_code == 200


def test_printed_code_works_once_and_not_after_expiry(client, dossier_a, applicant, generalist_a):
    as_user(client, generalist_a)
    response = client.post(reverse("portal_staff:invite", args=[dossier_a.pk]), {"client": applicant.pk, "email": ""})
    code = re.search(r'invitation-code"><strong>([A-Z0-9-]+)<', response.content.decode()).group(1)
    client.logout()
    data = {"code": code.lower(), "email": "papier@example.org", "password": PASSWORD, "password_again": PASSWORD}
    assert client.post(reverse("portal:accept_code"), data).status_code == 302
    again = client.post(reverse("portal:accept_code"), {**data, "email": "ander@example.org"})
    assert again.status_code == 200 and "code" in again.context["form"].errors


def test_expired_link_is_refused(client, dossier_a, applicant, generalist_a):
    from portal import services

    invitation, token, _code = services.invite_resident(dossier_a, user=generalist_a, client=applicant)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=invitation.created_at)
    assert client.get(reverse("portal:accept", args=[token])).status_code == 404


def test_only_adult_members_are_invited(dossier_a, child, generalist_a):
    from django.core.exceptions import ValidationError

    from portal import services

    with pytest.raises(ValidationError) as error:
        services.invite_resident(dossier_a, user=generalist_a, client=child)
    assert "client" in error.value.message_dict


def test_staff_login_never_logs_a_resident_in(client, resident):
    response = client.post(reverse("login"), {"username": resident.user.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session and response.status_code == 200
    response = client.post(reverse("login"), {"username": resident.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
