"""Mijn werk: a generalist's start page with a constant number of queries."""

import datetime as dt

from django.urls import reverse

from cases.factories import household
from conftest import as_user
from work import signals
from work.factories import TaskFactory

DAY = dt.timedelta(days=1)


def fill(team, worker, day, n):
    for i in range(n):
        dossier = household(team, members=2, lead_worker=worker, registered_on=day - (60 + i) * DAY,
                            support_started_on=(day - 50 * DAY) if i % 2 else None)
        TaskFactory(dossier=dossier, assignee=worker, due_on=day - DAY)
        TaskFactory(dossier=dossier, assignee=worker, due_on=day + 3 * DAY)
    signals.derive(day)


def test_generalist_lands_on_my_work_and_a_coach_on_the_team_dashboard(client, generalist_a, coach_a, team_a):
    as_user(client, generalist_a)
    assert client.get(reverse("cases:home"))["Location"] == reverse("work:my_work")
    as_user(client, coach_a)
    response = client.get(reverse("cases:home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("reporting:team_dashboard", args=[team_a.code])


def test_my_work_shows_phases_tasks_signals_and_recent_dossiers(client, generalist_a, colleague_a, team_a, day):
    fill(team_a, generalist_a, day, 3)
    fill(team_a, colleague_a, day, 2)  # not mine
    as_user(client, generalist_a)
    response = client.get(reverse("work:my_work"))
    assert response.context["phases"] == {"waiting": 2, "active": 1}
    assert len(response.context["overdue"]) == 3 and len(response.context["due"]) == 3
    assert {t.dossier.lead_worker_id for t in response.context["signals"]} == {generalist_a.pk}
    assert len(response.context["signals"]) == 5  # 3 nulmeting missing + 2 waiting
    assert len(response.context["recent"]) == 3


def test_my_work_query_count_is_constant(client, generalist_a, team_a, day, django_assert_num_queries):
    as_user(client, generalist_a)
    fill(team_a, generalist_a, day, 1)
    expected = 11
    # 1 session, 2 user, 3 the verified second-factor device (django-otp), 4 memberships (roles),
    # 5 phase counts, 6 my tasks, 7 my signals, 8 recent dossiers, 9 their members with clients,
    # 10 access log (one bulk insert), 11 the menu's teams (base.html)
    with django_assert_num_queries(expected):
        assert client.get(reverse("work:my_work")).status_code == 200
    fill(team_a, generalist_a, day, 8)
    with django_assert_num_queries(expected):
        assert client.get(reverse("work:my_work")).status_code == 200


def test_refresh_signals_on_demand(client, generalist_a, team_a, day):
    household(team_a, lead_worker=generalist_a, registered_on=day - 60 * DAY)
    as_user(client, generalist_a)
    response = client.post(reverse("work:refresh_signals"), follow=True)
    assert len(response.context["signals"]) == 2
