"""The coach's caseload per worker, with exact and constant query counts."""

import datetime as dt

import pytest
from django.urls import reverse

from cases.factories import household
from conftest import as_user
from journal.factories import JournalEntryFactory
from work.factories import TaskFactory

DAY = dt.timedelta(days=1)


def fill(team, worker, day, *, waiting, active, overdue, contacts):
    for i in range(waiting + active):
        dossier = household(team, members=2, lead_worker=worker, registered_on=day - 40 * DAY,
                            support_started_on=None if i < waiting else day - 30 * DAY)
    for _ in range(overdue):
        TaskFactory(dossier=dossier, assignee=worker, due_on=day - DAY)
    TaskFactory(dossier=dossier, assignee=worker, due_on=day + DAY)  # not overdue
    for _ in range(contacts):
        JournalEntryFactory(dossier=dossier, author=worker, written_on=day.replace(day=1), kind="telefoon")
    JournalEntryFactory(dossier=dossier, author=worker, written_on=day, kind="notitie")  # not a contact
    last_month = day.replace(day=1) - DAY
    if last_month >= dossier.registered_on:
        JournalEntryFactory(dossier=dossier, author=worker, written_on=last_month, kind="telefoon")


def rows(response):
    return {row["worker"].username: (row["open"], row["waiting"], row["overdue"], row["contacts"])
            for row in response.context["rows"]}


def test_caseload_counts_per_worker(client, coach_a, generalist_a, colleague_a, team_a, team_b, day):
    fill(team_a, generalist_a, day, waiting=2, active=3, overdue=2, contacts=4)
    fill(team_a, colleague_a, day, waiting=0, active=1, overdue=0, contacts=1)
    household(team_a, registered_on=day - 5 * DAY)  # no lead worker: the intake queue
    household(team_b, registered_on=day - 5 * DAY)  # another team
    as_user(client, coach_a)
    response = client.get(reverse("work:caseload", args=[team_a.code]))
    assert rows(response) == {"generalist-a": (5, 2, 2, 4), "colleague-a": (1, 0, 0, 1), "coach-a": (0, 0, 0, 0)}
    assert response.context["unassigned"]["open"] == 1


def test_caseload_query_count_is_constant(client, coach_a, generalist_a, colleague_a, team_a, day,
                                          django_assert_num_queries):
    as_user(client, coach_a)
    url = reverse("work:caseload", args=[team_a.code])
    fill(team_a, generalist_a, day, waiting=1, active=1, overdue=1, contacts=1)
    # 1 session, 2 user, 3 the verified second-factor device (django-otp), 4 memberships (roles),
    # 5 the team, 6 its workers, 7 dossiers per lead worker, 8 overdue tasks per worker,
    # 9 contact moments per author, 10 the menu's teams (base.html)
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200
    fill(team_a, colleague_a, day, waiting=5, active=5, overdue=5, contacts=5)
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("persona", ["generalist_a", "generalist_b", "beleid"])
def test_only_the_teams_coach_sees_the_caseload(client, request, team_a, persona):
    as_user(client, request.getfixturevalue(persona))
    for name in ("work:caseload", "work:intake"):
        assert client.get(reverse(name, args=[team_a.code])).status_code == 404
