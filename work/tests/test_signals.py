"""Each signal starts when its condition holds and ends (closes itself) when it is gone;
the derivation is idempotent and never makes a duplicate."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from cases import services as case_services
from cases.factories import household
from cases.models import DossierEvent, EventKind
from maatwerk.factories import ReferralFactory
from work import signals
from work.models import Signal, Task
from zrm.factories import MeasurementFactory

DAY = dt.timedelta(days=1)


def open_signals(kind, dossier=None):
    tasks = Task.objects.open().filter(signal=kind)
    return tasks.filter(dossier=dossier) if dossier else tasks


def test_baseline_missing_starts_after_six_weeks_and_ends_with_a_nulmeting(team_a, day):
    dossier = household(team_a, registered_on=day - 41 * DAY)
    signals.derive(day)
    assert not open_signals(Signal.BASELINE_MISSING).exists()
    signals.derive(day + DAY)  # 42 days after registration
    task = open_signals(Signal.BASELINE_MISSING, dossier).get()
    assert task.due_on == dossier.registered_on + 42 * DAY
    MeasurementFactory(dossier=dossier, type="nulmeting", measured_on=day)
    signals.derive(day + DAY)
    task.refresh_from_db()
    assert task.resolved_at is not None and not task.is_open


@pytest.mark.parametrize("months", [6, 12, 18])
def test_interim_due_at_each_milestone_and_ends_with_a_tussenmeting(team_a, day, months):
    from dateutil.relativedelta import relativedelta

    started = day - relativedelta(months=months)
    dossier = household(team_a, registered_on=started - 30 * DAY, support_started_on=started)
    MeasurementFactory(dossier=dossier, type="nulmeting", measured_on=started)
    signals.derive(day - DAY)
    assert not open_signals(Signal.INTERIM_DUE, dossier).filter(signal_key=str(months)).exists()
    signals.derive(day)
    assert open_signals(Signal.INTERIM_DUE, dossier).filter(signal_key=str(months)).exists()
    MeasurementFactory(dossier=dossier, type="tussenmeting", measured_on=day)
    signals.derive(day)
    assert not open_signals(Signal.INTERIM_DUE, dossier).exists()


def test_an_early_tussenmeting_does_not_count_for_a_later_milestone(team_a, day):
    from dateutil.relativedelta import relativedelta

    started = day - relativedelta(months=12)
    dossier = household(team_a, registered_on=started, support_started_on=started)
    MeasurementFactory(dossier=dossier, type="tussenmeting", measured_on=started + relativedelta(months=6))
    signals.derive(day)
    assert list(open_signals(Signal.INTERIM_DUE, dossier).values_list("signal_key", flat=True)) == ["12"]


def test_goal_past_target_date_while_lopend(team_a, day):
    from plans.models import Goal

    dossier = household(team_a, registered_on=day - 90 * DAY)
    goal = Goal.objects.create(dossier=dossier, domain="financien", direction="verbeteren", set_on=day - 80 * DAY,
                               target_on=day, status="lopend")
    signals.derive(day)
    assert not open_signals(Signal.GOAL_OVERDUE).exists()
    signals.derive(day + DAY)
    assert open_signals(Signal.GOAL_OVERDUE, dossier).get().signal_key == str(goal.pk)
    Goal.objects.filter(pk=goal.pk).update(status="behaald", status_on=day)
    signals.derive(day + DAY)
    assert not open_signals(Signal.GOAL_OVERDUE).exists()


def test_referral_requested_more_than_four_weeks_ago(team_a, day):
    dossier = household(team_a, registered_on=day - 90 * DAY)
    referral = ReferralFactory(dossier=dossier, status="aangevraagd", requested_on=day - 28 * DAY)
    signals.derive(day)
    assert not open_signals(Signal.REFERRAL_PENDING).exists()
    signals.derive(day + DAY)
    assert open_signals(Signal.REFERRAL_PENDING, dossier).get().signal_key == str(referral.pk)
    type(referral).objects.filter(pk=referral.pk).update(status="toegekend", decided_on=day)
    signals.derive(day + DAY)
    assert not open_signals(Signal.REFERRAL_PENDING).exists()


def test_care_ending_within_eight_weeks_until_it_has_ended(team_a, day):
    dossier = household(team_a, registered_on=day - 200 * DAY)
    ReferralFactory(dossier=dossier, status="toegekend", requested_on=day - 150 * DAY, decided_on=day - 140 * DAY,
                    starts_on=day - 100 * DAY, ends_on=day + 57 * DAY)
    signals.derive(day)
    assert not open_signals(Signal.CARE_ENDING).exists()
    signals.derive(day + DAY)
    task = open_signals(Signal.CARE_ENDING, dossier).get()
    assert task.due_on == day + 57 * DAY
    signals.derive(day + 58 * DAY)  # the care has ended
    assert not open_signals(Signal.CARE_ENDING).exists()


def test_waiting_more_than_ten_working_days_ends_when_support_starts(team_a, day, generalist_a):
    cutoff = signals.working_day_cutoff(day)
    dossier = household(team_a, registered_on=cutoff)
    signals.derive(day)
    assert not open_signals(Signal.WAITING).exists()  # exactly 10 working days
    dossier.registered_on = cutoff - DAY
    dossier.save()
    signals.derive(day)
    assert open_signals(Signal.WAITING, dossier).exists()
    case_services.start_support(dossier, user=generalist_a, on=day)
    signals.derive(day)
    assert not open_signals(Signal.WAITING).exists()


def test_working_day_cutoff_counts_working_days_only():
    from reporting.calendar_days import working_days

    today = dt.date(2026, 12, 1)
    cutoff = signals.working_day_cutoff(today)
    assert working_days(cutoff, today) == 10  # registered on the cutoff: not yet a signal
    assert working_days(cutoff - DAY, today) == 11  # the cutoff itself is a working day
    christmas = signals.working_day_cutoff(dt.date(2026, 12, 28))  # 25 and 26 December are holidays
    assert working_days(christmas, dt.date(2026, 12, 28)) == 10
    assert christmas == dt.date(2026, 12, 11)


def test_transferred_without_lead_worker_until_one_is_appointed(team_a, team_b, day, generalist_a, coach_a):
    from cases.factories import user_with_role
    from cases.models import Role

    dossier = household(team_a, registered_on=day - 5 * DAY, lead_worker=generalist_a)
    signals.derive(day)
    assert not open_signals(Signal.NO_LEAD_WORKER).exists()
    case_services.transfer(dossier, user=generalist_a, to_team=team_b)
    signals.derive(day)
    assert open_signals(Signal.NO_LEAD_WORKER, dossier).exists()
    coach_b = user_with_role(Role.TEAMCOACH, team_b, username="coach-b")
    worker_b = user_with_role(Role.GENERALIST, team_b, username="worker-b")
    case_services.reassign_lead_worker([dossier], user=coach_b, lead_worker=worker_b)
    signals.derive(day)
    assert not open_signals(Signal.NO_LEAD_WORKER).exists()
    assert DossierEvent.objects.filter(dossier=dossier, kind=EventKind.LEAD_WORKER).exists()


def test_closing_the_dossier_ends_its_signals(team_a, day, generalist_a):
    dossier = household(team_a, registered_on=day - 60 * DAY)
    signals.derive(day)
    assert open_signals(Signal.BASELINE_MISSING, dossier).exists()
    assert open_signals(Signal.WAITING, dossier).exists()
    case_services.close_dossier(dossier, user=generalist_a, closed_on=day, closure_reason="onbekend")
    signals.derive(day)
    assert not Task.objects.open().filter(dossier=dossier).exists()


def test_the_nightly_job_run_twice_makes_no_duplicates(team_a, day):
    from work.tasks import derive_signals

    for _ in range(3):
        household(team_a, registered_on=day - 60 * DAY)
    first = derive_signals.delay().get()
    count = Task.objects.count()
    assert count == 6 and first[Signal.BASELINE_MISSING]["raised"] == 3
    second = derive_signals.delay().get()
    assert Task.objects.count() == count
    assert all(v == {"raised": 0, "reopened": 0, "resolved": 0} for v in second.values())


def test_a_condition_that_returns_reopens_the_same_task(team_a, day, generalist_a):
    dossier = household(team_a, registered_on=day - 60 * DAY)
    signals.derive(day)
    task = open_signals(Signal.BASELINE_MISSING, dossier).get()
    measurement = MeasurementFactory(dossier=dossier, type="nulmeting", measured_on=day)
    signals.derive(day)
    measurement.delete()
    signals.derive(day)
    assert open_signals(Signal.BASELINE_MISSING, dossier).get().pk == task.pk
    assert Task.objects.filter(signal=Signal.BASELINE_MISSING).count() == 1


def test_a_signal_marked_done_stays_done_while_the_condition_holds(team_a, day, generalist_a):
    from work import services

    dossier = household(team_a, registered_on=day - 60 * DAY)
    signals.derive(day)
    services.complete_task(open_signals(Signal.BASELINE_MISSING, dossier).get(), user=generalist_a)
    signals.derive(day)
    assert not open_signals(Signal.BASELINE_MISSING, dossier).exists()
    assert Task.objects.filter(signal=Signal.BASELINE_MISSING).count() == 1


def test_the_database_refuses_a_duplicate_signal(team_a, day):
    dossier = household(team_a, registered_on=day)
    Task.objects.create(dossier=dossier, title="x", signal=Signal.WAITING)
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.create(dossier=dossier, title="x", signal=Signal.WAITING)


def test_on_demand_for_some_teams_leaves_other_teams_alone(team_a, team_b, day):
    a = household(team_a, registered_on=day - 60 * DAY)
    b = household(team_b, registered_on=day - 60 * DAY)
    signals.derive(day, team_ids=[team_a.pk])
    assert Task.objects.filter(dossier=a).exists()
    assert not Task.objects.filter(dossier=b).exists()
    MeasurementFactory(dossier=a, type="nulmeting", measured_on=day)
    signals.derive(day, team_ids=[team_b.pk])
    assert open_signals(Signal.BASELINE_MISSING, a).exists()  # team A not touched
