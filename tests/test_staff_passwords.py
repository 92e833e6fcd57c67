"""Issue 26, item 2: a functional administrator never sets another person's password. A new
account has no usable password; "reset password" in the admin mails the worker a link to set
their own; sending and setting are in the access log."""

import re

from django.contrib.auth import get_user_model
from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user

NEW_PASSWORD = "een heel nieuw wachtwoord 2026"


def test_the_admin_cannot_set_a_password_only_send_a_link(client, beheer, generalist_a, mailoutbox,
                                                         django_capture_on_commit_callbacks):
    generalist_a.email = "generalist@example.org"
    generalist_a.save()
    as_user(client, beheer)
    url = reverse("admin:auth_user_password_change", args=[generalist_a.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"password1": "door beheer gekozen 123",
                                     "password2": "door beheer gekozen 123"})
    assert response.status_code == 302
    generalist_a.refresh_from_db()
    assert not generalist_a.check_password("door beheer gekozen 123")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [generalist_a.email]
    assert AccessLogEntry.objects.filter(user=beheer, detail__contains=generalist_a.username).exists()

    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    client.logout()
    page = client.get(link, follow=True)
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    generalist_a.refresh_from_db()
    assert generalist_a.check_password(NEW_PASSWORD)
    assert AccessLogEntry.objects.filter(user=generalist_a, detail__contains="generalist-a").exists()
    assert client.get(link).context["validlink"] is False  # used once


def test_a_new_account_gets_a_link_not_a_password(client, beheer, mailoutbox, django_capture_on_commit_callbacks):
    as_user(client, beheer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:auth_user_add"), {
            "username": "nieuw-lid", "first_name": "Nieuw", "last_name": "Lid", "email": "nieuw@example.org",
            "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0", "_continue": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    user = get_user_model().objects.get(username="nieuw-lid")
    assert not user.has_usable_password()
    assert mailoutbox[0].to == ["nieuw@example.org"]


def test_the_admin_cannot_redirect_the_link_by_changing_the_address(client, beheer, generalist_a):
    generalist_a.email = "generalist@example.org"
    generalist_a.save()
    as_user(client, beheer)
    page = client.get(reverse("admin:auth_user_change", args=[generalist_a.pk]))
    assert "email" not in page.context["adminform"].form.fields
