"""Reassigning the lead worker of one or many dossiers in one step, on the timeline."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases import services as case_services
from cases.factories import household
from cases.models import DossierEvent, EventKind
from conftest import as_user

DAY = dt.timedelta(days=1)


def test_a_coach_hands_many_dossiers_to_another_worker(client, coach_a, generalist_a, colleague_a, team_a, day):
    dossiers = [household(team_a, lead_worker=generalist_a, registered_on=day - 10 * DAY) for _ in range(3)]
    as_user(client, coach_a)
    url = reverse("work:worker_dossiers", args=[team_a.code, generalist_a.pk])
    assert len(client.get(url).context["page"]) == 3
    response = client.post(url, {"dossiers": [d.pk for d in dossiers[:2]], "lead_worker": colleague_a.pk})
    assert response.status_code == 302
    for dossier in dossiers:
        dossier.refresh_from_db()
    assert [d.lead_worker for d in dossiers] == [colleague_a, colleague_a, generalist_a]
    events = DossierEvent.objects.filter(kind=EventKind.LEAD_WORKER)
    assert sorted(events.values_list("dossier_id", flat=True)) == sorted(d.pk for d in dossiers[:2])
    assert all(e.user == coach_a for e in events)
    assert colleague_a in dossiers[0].workers.all()


def test_errors_next_to_the_field_and_the_choice_kept(client, coach_a, generalist_a, team_a, day):
    dossier = household(team_a, lead_worker=generalist_a, registered_on=day - 10 * DAY)
    as_user(client, coach_a)
    url = reverse("work:worker_dossiers", args=[team_a.code, generalist_a.pk])
    response = client.post(url, {"dossiers": [dossier.pk]})
    assert response.status_code == 200
    assert "lead_worker" in response.context["form"].errors
    assert f'value="{dossier.pk}" id="dossier-{dossier.pk}" checked' in response.content.decode()


def test_the_service_is_all_or_nothing(coach_a, generalist_a, generalist_b, team_a, team_b, day):
    mine = household(team_a, lead_worker=generalist_a, registered_on=day - 10 * DAY)
    theirs = household(team_b, registered_on=day - 10 * DAY)
    with pytest.raises(PermissionDenied):
        case_services.reassign_lead_worker([mine, theirs], user=coach_a, lead_worker=generalist_a)
    with pytest.raises(PermissionDenied):
        case_services.reassign_lead_worker([mine], user=generalist_a, lead_worker=generalist_a)  # not a coach
    with pytest.raises(ValidationError) as excinfo:
        case_services.reassign_lead_worker([mine], user=coach_a, lead_worker=generalist_b)
    assert "lead_worker" in excinfo.value.message_dict
    mine.refresh_from_db()
    assert mine.lead_worker == generalist_a


def test_intake_queue_lists_unassigned_and_transferred_dossiers(client, coach_a, generalist_a, generalist_b,
                                                                team_a, team_b, day):
    new = household(team_a, registered_on=day - 3 * DAY)
    moved = household(team_b, lead_worker=generalist_b, registered_on=day - 9 * DAY)
    case_services.transfer(moved, user=generalist_b, to_team=team_a)
    household(team_a, lead_worker=generalist_a, registered_on=day - 3 * DAY)  # has a lead worker
    as_user(client, coach_a)
    url = reverse("work:intake", args=[team_a.code])
    page = client.get(url).context["page"]
    assert {(d.pk, d.transferred) for d in page} == {(new.pk, False), (moved.pk, True)}
    client.post(url, {"dossiers": [new.pk, moved.pk], "lead_worker": generalist_a.pk})
    assert len(client.get(url).context["page"]) == 0
