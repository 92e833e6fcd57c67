"""A portal session opens no staff page and not the API; a staff session opens no portal page."""

from django.urls import reverse

from conftest import as_user
from portal.testing import as_portal


def test_resident_session_is_sent_away_from_staff_pages_and_refused_by_the_api(client, resident, dossier_a):
    as_portal(client, resident)
    for url in (reverse("cases:dossier", args=[dossier_a.pk]), reverse("work:my_work"), reverse("cases:home"),
                reverse("plans:plan", args=[dossier_a.pk]), "/beheer/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url == reverse("portal:home"), url
    assert client.post(reverse("cases:register"), {}).status_code == 403
    assert client.get("/api/v1/indicators").status_code == 403
    assert client.get(reverse("portal:dossier", args=[dossier_a.pk])).status_code == 200


def test_staff_session_opens_no_portal_page(client, generalist_a, dossier_a):
    as_user(client, generalist_a)
    for url in (reverse("portal:home"), reverse("portal:login"), reverse("portal:dossier", args=[dossier_a.pk])):
        assert client.get(url).status_code == 403, url


def test_anonymous_portal_visitor_goes_to_the_portal_login(client, dossier_a):
    response = client.get(reverse("portal:dossier", args=[dossier_a.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("portal:login"))


def test_deactivated_account_loses_its_session_at_once(client, resident, dossier_a):
    as_portal(client, resident)
    resident.active = False
    resident.save()
    response = client.get(reverse("portal:dossier", args=[dossier_a.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("portal:login"))
