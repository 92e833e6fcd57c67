"""The plan pages: what they show, query counts, access log, errors next to the field with
nothing typed lost."""

from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from plans import services
from plans.factories import ActionFactory, GoalFactory, NetworkContactFactory
from plans.models import Goal
from plans.tests.conftest import DAY, TODAY


def test_plan_page_shows_goals_support_network_with_fixed_queries(client, generalist_a, dossier, goal,
                                                                     django_assert_num_queries):
    for n in range(3):
        extra = GoalFactory(dossier=dossier, domain="huisvesting", description=f"Doel {n}")
        ActionFactory(dossier=dossier, goal=extra, description=f"Inzet {n}")
        NetworkContactFactory(dossier=dossier, name=f"Contact {n}")
    ActionFactory(dossier=dossier, goal=None, existing=True, starts_on=None, description="Thuiszorg")
    as_user(client, generalist_a)
    url = reverse("plans:plan", args=[dossier.pk])
    # 1 session, 2 user, 3 the verified second-factor device (django-otp), 4 memberships (roles),
    # 5 dossier with team/lead/referrer, 6 members with clients, 7 plan, 8 goals with clients,
    # 9 actions with goal/contact/referral, 10 contacts, 11 domain labels, 12 access log (one insert
    # for all members), 13 nulmetingen (suggestions), 14 the user's teams for the menu (context processor)
    with django_assert_num_queries(14):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Schulden op een rij", "Doel 2", "Inzet 2", "Thuiszorg", "Contact 2", "concept"):
        assert text in html, text
    assert AccessLogEntry.objects.filter(dossier=dossier, action="view").count() == 2  # both members


def test_dossier_page_has_the_plan_section(client, generalist_a, dossier, goal):
    NetworkContactFactory(dossier=dossier, name="Henk Bakker", relation="buurman")
    as_user(client, generalist_a)
    html = client.get(dossier.get_absolute_url()).content.decode()
    assert 'id="plan-heading"' in html and "Schulden op een rij" in html and "Henk Bakker" in html


def test_goal_form_errors_next_to_the_field_nothing_lost(client, generalist_a, dossier, member):
    as_user(client, generalist_a)
    url = reverse("plans:goal_new", args=[dossier.pk])
    response = client.post(url, {"client": member.pk, "domain": "financien", "direction": "verbeteren",
                                 "description": "Zelf mijn post openen", "set_on": (TODAY + DAY).isoformat(),
                                 "target_on": TODAY.isoformat()})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_set_on_errors"' in html and 'id="id_target_on_errors"' in html
    assert "Zelf mijn post openen" in html  # what was typed is still there
    assert 'id="error-summary"' in html
    assert not Goal.objects.exists()


def test_goal_form_saves_and_logs(client, generalist_a, dossier, member):
    as_user(client, generalist_a)
    response = client.post(reverse("plans:goal_new", args=[dossier.pk]), {
        "client": member.pk, "domain": "financien", "direction": "verbeteren",
        "description": "Zelf mijn post openen", "set_on": TODAY.isoformat(), "target_on": ""})
    assert response.status_code == 302
    goal = Goal.objects.get()
    assert goal.client == member
    assert AccessLogEntry.objects.filter(dossier=dossier, client=member, action="create").exists()


def test_household_goal_through_the_form(client, generalist_a, dossier):
    as_user(client, generalist_a)
    client.post(reverse("plans:goal_new", args=[dossier.pk]), {
        "client": "household", "domain": "overig", "direction": "stabiliseren", "set_on": TODAY.isoformat()})
    assert Goal.objects.get().client is None


def test_action_form_with_a_network_contact(client, generalist_a, dossier, goal):
    sister = NetworkContactFactory(dossier=dossier, name="Anja de Vries")
    as_user(client, generalist_a)
    response = client.post(reverse("plans:action_new", args=[dossier.pk]), {
        "goal": goal.pk, "kanteling": "sociaal_netwerk", "domain": "financien", "existing": "false",
        "description": "Helpt met de post", "by_contact": sister.pk, "by": "",
        "starts_on": TODAY.isoformat(), "ends_on": ""})
    assert response.status_code == 302
    assert goal.actions.get().by_display == "Anja de Vries"


def test_evaluate_and_agree_and_print(client, generalist_a, dossier, goal):
    as_user(client, generalist_a)
    client.post(reverse("plans:agree", args=[dossier.pk]), {"agreed_on": TODAY.isoformat()})
    dossier.plan.refresh_from_db()
    assert dossier.plan.agreed_on == TODAY
    response = client.post(reverse("plans:goal_status", args=[dossier.pk, goal.pk]),
                           {"status": "behaald", "status_on": TODAY.isoformat()})
    assert response.status_code == 302
    html = client.get(reverse("plans:plan", args=[dossier.pk])).content.decode()
    assert "Gewijzigd sinds" in html  # the status changed after the agreement
    printed = client.get(reverse("plans:print", args=[dossier.pk]))
    assert printed.status_code == 200 and "Handtekeningen" in printed.content.decode()
    assert AccessLogEntry.objects.filter(dossier=dossier, action="export").count() == 2


def test_suggestion_one_click(client, generalist_a, dossier, member, nulmeting):
    as_user(client, generalist_a)
    html = client.get(reverse("plans:plan", args=[dossier.pk])).content.decode()
    assert "Voorgestelde doelen" in html
    response = client.post(reverse("plans:goal_suggested", args=[dossier.pk]),
                           {"client": member.pk, "domain": "geestelijke_gezondheid"})
    goal = Goal.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/doelen/{goal.pk}")
    assert (goal.client, goal.domain, goal.direction) == (member, "geestelijke_gezondheid", "verbeteren")
    # the same suggestion twice is refused: the goal exists now
    client.post(reverse("plans:goal_suggested", args=[dossier.pk]),
                {"client": member.pk, "domain": "geestelijke_gezondheid"})
    assert Goal.objects.count() == 1


def test_contact_pages(client, generalist_a, dossier):
    as_user(client, generalist_a)
    response = client.post(reverse("plans:contact_new", args=[dossier.pk]), {
        "kind": "huisarts", "name": "Dokter Jansen", "relation": "", "phone": "030-1234567", "email": "nee",
        "supportive": ""})
    assert response.status_code == 200 and 'id="id_email_errors"' in response.content.decode()
    client.post(reverse("plans:contact_new", args=[dossier.pk]), {
        "kind": "huisarts", "name": "Dokter Jansen", "relation": "", "phone": "030-1234567", "email": "",
        "supportive": "ja"})
    contact = dossier.network.get()
    assert contact.get_supportive_display() == "ja"
    client.post(reverse("plans:contact_remove", args=[dossier.pk, contact.pk]))
    assert not dossier.network.exists()


def test_refer_from_goal_page(client, generalist_a, dossier, goal, member, product, provider):
    as_user(client, generalist_a)
    url = reverse("plans:goal_refer", args=[dossier.pk, goal.pk])
    assert "Zorg Utrecht" in client.get(url).content.decode()
    response = client.post(url, {"client": member.pk, "product": product.pk, "provider": provider.pk,
                                 "form": "zin", "requested_on": TODAY.isoformat(), "notes": ""})
    assert response.status_code == 302
    action = goal.actions.get()
    assert action.kanteling == "maatwerk" and action.referral.product == product


def test_services_are_used_for_removal(client, generalist_a, dossier, goal):
    action = services.add_action(dossier, user=generalist_a, goal=goal, domain="financien",
                                 kanteling="eigen_kracht", existing=False, starts_on=TODAY)
    as_user(client, generalist_a)
    client.post(reverse("plans:action_remove", args=[dossier.pk, action.pk]))
    assert not goal.actions.exists()
