"""The resident's dossier page: a fixed number of queries, however many goals and actions."""

from django.urls import reverse

from plans.factories import ActionFactory, GoalFactory
from portal.testing import as_portal


def test_dossier_page_queries_are_fixed(client, resident, dossier_a, child, django_assert_num_queries):
    for n in range(3):
        goal = GoalFactory(dossier=dossier_a, description=f"Doel {n}", domain="financien" if n else "overig")
        ActionFactory(dossier=dossier_a, goal=goal)
    as_portal(client, resident)
    url = reverse("portal:dossier", args=[dossier_a.pk])
    # 1 session, 2 user with portal account and client, 3 the resident's dossier (team, regisseur),
    # 4 the household's children (who is a minor), 5 the persons shown, 6 goals with member,
    # 7 actions, 8 actions reported done, 9 domain labels, 10 open proposals, 11 referrals with
    # product, 12 access log (one insert for everyone shown), 13 ZRM measurements (none here),
    # 14 shared documents, 15 beschikking letters shared, 16 Wmo verslagen shared, 17 appointments,
    # 18 the reminder choice, 19 message count, 20 the plan, 21 the resident's ZRM scores for the
    # zelfscan beside the buurtteam's (client-voice.md)
    with django_assert_num_queries(21):
        response = client.get(url)
    assert response.status_code == 200 and "Doel 2" in response.content.decode()
