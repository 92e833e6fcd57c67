"""A closed dossier's plan is read-only: every service refuses, the pages offer no forms and
a POST changes nothing; the plan stays visible."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.models import Dossier
from conftest import as_user
from plans import services
from plans.factories import ActionFactory, NetworkContactFactory
from plans.models import Goal
from plans.tests.conftest import DAY, TODAY


@pytest.fixture
def closed(dossier, goal):
    Dossier.objects.filter(pk=dossier.pk).update(closed_on=TODAY - DAY, closure_reason="volgens_plan")
    dossier.refresh_from_db()
    return dossier


def test_every_write_is_refused(closed, goal, generalist_a):
    action = ActionFactory(dossier=closed, goal=goal)
    contact = NetworkContactFactory(dossier=closed)
    writes = [
        lambda: services.start_plan(closed, user=generalist_a),
        lambda: services.add_goal(closed, user=generalist_a, client=None, domain="overig", direction="verbeteren"),
        lambda: services.update_goal(goal, user=generalist_a, description="Anders"),
        lambda: services.set_goal_status(goal, user=generalist_a, status="behaald", status_on=TODAY),
        lambda: services.add_action(closed, user=generalist_a, domain="overig", kanteling="eigen_kracht",
                                    existing=True),
        lambda: services.update_action(action, user=generalist_a, description="Anders"),
        lambda: services.remove_action(action, user=generalist_a),
        lambda: services.add_contact(closed, user=generalist_a, kind="familie", name="Oom"),
        lambda: services.update_contact(contact, user=generalist_a, name="Tante"),
        lambda: services.remove_contact(contact, user=generalist_a),
        lambda: services.agree_plan(closed, user=generalist_a, agreed_on=TODAY - 2 * DAY),
    ]
    for write in writes:
        with pytest.raises(ValidationError, match="gesloten"):
            write()
    goal.refresh_from_db()
    assert goal.status == "lopend" and goal.description == "Schulden op een rij"
    assert closed.actions.count() == 1 and closed.network.count() == 1


def test_pages_show_the_plan_without_forms(client, closed, goal, generalist_a):
    as_user(client, generalist_a)
    html = client.get(reverse("plans:plan", args=[closed.pk])).content.decode()
    assert "Schulden op een rij" in html and "alleen bekijken" in html
    assert reverse("plans:goal_new", args=[closed.pk]) not in html
    assert reverse("plans:agree", args=[closed.pk]) not in html
    response = client.post(reverse("plans:goal_status", args=[closed.pk, goal.pk]),
                           {"status": "behaald", "status_on": TODAY.isoformat()})
    assert response.status_code == 302
    assert Goal.objects.get().status == "lopend"
    assert client.get(reverse("plans:print", args=[closed.pk])).status_code == 200  # still printable
