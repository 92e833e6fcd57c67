"""Failed portal passwords count toward django-axes' lockout, like the staff login."""

from django.urls import reverse


def test_sixth_wrong_password_is_locked_out_even_with_the_right_one(client, resident, settings):
    from portal.testing import PASSWORD

    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("portal:login"), {"email": resident.email, "password": "verkeerd wachtwoord"})
    response = client.post(reverse("portal:login"), {"email": resident.email, "password": PASSWORD})
    assert response.status_code in (403, 429)
    assert "portal_pending_account" not in client.session
