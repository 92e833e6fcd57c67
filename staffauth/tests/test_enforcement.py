"""Staff without a verified second factor reach no page but the login steps."""

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from cases.factories import UserFactory, user_with_role
from cases.models import Role
from conftest import as_user
from staffauth.middleware import exempt_path
from tests import test_persona_matrix as matrix
from tests.test_persona_matrix import patterns, sample_for, url_for

worlds = matrix.worlds  # the persona matrix's two teams, as a fixture here too

# The login steps themselves, and the pages anyone may open.
OPEN = {"login", "logout", "set_language", "staffauth:enrol", "staffauth:verify", "staffauth:recovery",
        "staffauth:oidc_authenticate", "staffauth:oidc_callback", "staffauth:password_set"}


@pytest.mark.parametrize("has_app", [False, True], ids=["not enrolled", "enrolled"])
def test_every_staff_url_sends_an_unverified_session_to_the_second_step(client, db, request, has_app):
    """Over every URL pattern of the resolver: the password alone opens nothing."""
    worlds = request.getfixturevalue("worlds")
    world = worlds["a"]
    if has_app:
        as_user(client, world.generalist)  # makes the device; then a new session with the password only
        client.logout()
    as_user(client, world.generalist, second_factor=False)
    step = reverse("staffauth:verify" if has_app else "staffauth:enrol")
    checked, problems = 0, []
    for key, route, name in patterns():
        sample = sample_for(name, route)
        if sample is None or key in OPEN or exempt_path("/" + route):
            continue
        url = url_for(key, route, name, sample, world, worlds["shared"])
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            checked += 1
            if response.status_code != 302 or not response["Location"].startswith(step + "?next="):
                problems.append(f"{method.upper()} {url} ({key}): {response.status_code} {response.get('Location')}")
    assert checked > 300
    assert not problems, "\n".join(problems)


def test_the_next_page_is_kept(client, generalist_a):
    as_user(client, generalist_a, second_factor=False)
    response = client.get(reverse("cases:my_dossiers"), {"q": "Jansen"})
    assert response["Location"] == reverse("staffauth:enrol") + "?" + urlencode(
        {"next": reverse("cases:my_dossiers") + "?q=Jansen"})


@pytest.mark.parametrize("persona", ["generalist_a", "coach_a", "beleid", "beheer"])
def test_every_staff_role_needs_the_second_factor(client, request, persona):
    user = request.getfixturevalue(persona)
    as_user(client, user, second_factor=False)
    assert client.get(reverse("cases:home"))["Location"].startswith(reverse("staffauth:enrol"))
    as_user(client, user)
    assert client.get(reverse("cases:home")).status_code in (200, 302)
    assert not client.get(reverse("cases:home")).get("Location", "").startswith("/accounts/tweestaps")


def test_exempt_prefixes_are_a_setting(client, generalist_a, settings):
    """The portal (/mijn/) has its own login: the staff second factor does not apply there."""
    as_user(client, generalist_a, second_factor=False)
    url = reverse("work:my_work")
    assert client.get(url).status_code == 302
    settings.STAFF_2FA_EXEMPT_PREFIXES = ("/mijn/", "/api/", url)
    assert client.get(url).status_code == 200
    assert exempt_path("/mijn/anything") and exempt_path("/api/v1/indicators") and exempt_path("/static/css/app.css")


def test_a_user_without_a_staff_role_is_not_asked(client, db):
    """A portal resident is a user without memberships: no staff second factor for them."""
    resident = UserFactory(username="bewoner")
    as_user(client, resident, second_factor=False)
    response = client.get(reverse("cases:home"))
    assert not response.get("Location", "").startswith("/accounts/tweestaps")


def test_the_api_is_not_affected(client, api_token, generalist_a):
    as_user(client, generalist_a, second_factor=False)  # a staff session in the same browser changes nothing
    response = client.get("/api/v1/indicators", {"period": "2019-Q2"}, HTTP_AUTHORIZATION=f"Token {api_token}")
    assert response.status_code == 200 and "results" in response.json()


def test_the_admin_requires_the_second_factor(client, beheer):
    as_user(client, beheer, second_factor=False)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("staffauth:enrol"))
    as_user(client, beheer)
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_refuses_an_unverified_session_even_without_the_middleware(client, beheer, settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "staffauth.middleware.StaffTwoFactorMiddleware"]
    as_user(client, beheer, second_factor=False)
    assert client.get(reverse("admin:index"), follow=True).status_code == 403  # via the admin's login: refused
    as_user(client, beheer)
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_removed_device_ends_the_verified_session(client, generalist_a):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    as_user(client, generalist_a)
    assert client.get(reverse("work:my_work")).status_code == 200
    TOTPDevice.objects.filter(user=generalist_a).delete()
    assert client.get(reverse("work:my_work"))["Location"].startswith(reverse("staffauth:enrol"))


def test_the_middleware_order_is_checked(settings):
    from staffauth.checks import middleware_order

    assert middleware_order(None) == []
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "django_otp.middleware.OTPMiddleware"]
    assert [e.id for e in middleware_order(None)] == ["staffauth.E001"]


def test_a_team_role_without_team_is_staff_too(db):
    from staffauth.services import has_staff_role

    assert has_staff_role(user_with_role(Role.BELEID, None, username="b2"))
    assert not has_staff_role(UserFactory(username="nobody"))
