"""A resident sees only their own dossiers; within one, themselves and their minor children,
never another adult member; never a full BSN; every page in the access log as the resident."""

from django.urls import reverse

from cases.factories import household
from cases.models import AccessLogEntry
from plans.factories import GoalFactory
from portal.testing import as_portal


def test_other_households_dossier_and_goal_are_404(client, resident, team_b):
    other = household(team_b)
    goal = GoalFactory(dossier=other)
    as_portal(client, resident)
    assert client.get(reverse("portal:dossier", args=[other.pk])).status_code == 404
    assert client.get(reverse("portal:goal", args=[other.pk, goal.pk])).status_code == 404
    assert client.get(reverse("portal:messages", args=[other.pk])).status_code == 404


def test_partner_hidden_minor_child_shown_bsn_never_in_full(client, resident, dossier_a, applicant, partner, child):
    partner_goal = GoalFactory(dossier=dossier_a, client=partner, description="Doel van de partner")
    child_goal = GoalFactory(dossier=dossier_a, client=child, description="Doel van het kind")
    as_portal(client, resident)
    html = client.get(reverse("portal:dossier", args=[dossier_a.pk])).content.decode()
    assert "Doel van het kind" in html and "Kindnaam" in html
    assert "Doel van de partner" not in html and "Partnernaam" not in html and "Verborgen" not in html
    assert applicant.bsn not in html
    assert client.get(reverse("portal:goal", args=[dossier_a.pk, partner_goal.pk])).status_code == 404
    assert client.get(reverse("portal:goal", args=[dossier_a.pk, child_goal.pk])).status_code == 200


def test_dossier_page_is_logged_with_the_resident_as_user(client, resident, dossier_a, applicant, child):
    as_portal(client, resident)
    client.get(reverse("portal:dossier", args=[dossier_a.pk]))
    logged = AccessLogEntry.objects.filter(user=resident.user, dossier=dossier_a)
    assert set(logged.values_list("client_id", flat=True)) == {applicant.pk, child.pk}
    assert all("Mijn buurtteam" in entry.detail for entry in logged)
