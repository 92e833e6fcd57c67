"""The e-health library: beheer keeps it in the admin, a generalist offers an application on
a goal, the resident sees it on the goal and can open it."""

from django.urls import reverse

from conftest import as_user
from plans.factories import GoalFactory
from portal.models import EHealthApp, GoalApplication
from portal.testing import as_portal


def test_generalist_offers_app_resident_sees_link(client, resident, dossier_a, generalist_a):
    app = EHealthApp.objects.create(name="Geldfit", link="https://www.geldfit.nl/", domains="financien",
                                    cost="gratis", description="Test hoe u ervoor staat met geld.")
    goal = GoalFactory(dossier=dossier_a, client=None, description="Grip op geld")
    as_user(client, generalist_a)
    client.post(reverse("portal_staff:offer_app", args=[dossier_a.pk, goal.pk]), {"app": app.pk})
    assert GoalApplication.objects.get(goal=goal).offered_by == generalist_a
    client.logout()
    as_portal(client, resident)
    html = client.get(reverse("portal:goal", args=[dossier_a.pk, goal.pk])).content.decode()
    assert 'href="https://www.geldfit.nl/"' in html and "gratis" in html


def test_another_teams_goal_cannot_get_an_offer(client, generalist_b, dossier_a):
    app = EHealthApp.objects.create(name="Geldfit", link="https://www.geldfit.nl/")
    goal = GoalFactory(dossier=dossier_a)
    as_user(client, generalist_b)
    response = client.post(reverse("portal_staff:offer_app", args=[dossier_a.pk, goal.pk]), {"app": app.pk})
    assert response.status_code == 404 and not GoalApplication.objects.exists()


def test_beheer_manages_the_library_in_the_admin(client, beheer):
    as_user(client, beheer)
    assert client.get(reverse("admin:portal_ehealthapp_add")).status_code == 200
