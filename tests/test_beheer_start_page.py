"""The functional administrator lands on a start page of their own, not in the admin; it
reaches the access log, the bundle import and every admin section, and the admin's
"Website bekijken" leads back to it (it used to lead to the admin again)."""

from django.urls import reverse

from conftest import as_user


def test_beheer_lands_on_the_start_page(client, beheer):
    response = as_user(client, beheer).get(reverse("cases:home"))
    assert response.status_code == 302 and response.url == reverse("beheer_home")


def test_the_start_page_reaches_the_work_and_the_admin_sections(client, beheer):
    html = as_user(client, beheer).get(reverse("beheer_home")).content.decode()
    for url in (reverse("cases:access_log"), reverse("exchange:import_upload"),
                reverse("admin:reporting_apiclient_changelist"), reverse("admin:cases_team_changelist")):
        assert f'href="{url}"' in html, url
    assert "Functioneel beheer" in html


def test_website_bekijken_leads_to_the_start_page(client, beheer):
    html = as_user(client, beheer).get(reverse("admin:index")).content.decode()
    assert f'<a href="{reverse("beheer_home")}">Website bekijken</a>' in html


def test_others_do_not_see_the_start_page(client, generalist_a):
    assert as_user(client, generalist_a).get(reverse("beheer_home")).status_code == 404
