"""Actions (inzet): kanteling, existing or new with their dates, goal and network contact of
the same dossier, a referral only on maatwerk support."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cases.factories import household
from maatwerk.factories import ReferralFactory
from plans import services
from plans.factories import GoalFactory, NetworkContactFactory
from plans.models import Action, Plan
from plans.tests.conftest import DAY, TODAY


def fields(excinfo) -> set:
    return set(excinfo.value.message_dict)


def new_support(**overrides):
    values = {"goal": None, "domain": "financien", "kanteling": "algemene_voorziening", "existing": False,
              "description": "Budgetcursus", "by": "buurtteam", "by_contact": None,
              "starts_on": TODAY - 10 * DAY, "ends_on": None}
    return values | overrides


def test_new_support_for_a_goal(dossier, goal, generalist_a):
    action = services.add_action(dossier, user=generalist_a, **new_support(goal=goal))
    assert action.goal == goal and not action.existing
    assert Plan.objects.filter(dossier=dossier).exists()


def test_support_for_the_dossier_as_a_whole_starts_a_plan(dossier, generalist_a):
    action = services.add_action(dossier, user=generalist_a, **new_support())
    assert action.goal is None and Plan.objects.filter(dossier=dossier).exists()


def test_new_support_needs_a_start_not_before_registration(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.add_action(dossier, user=generalist_a, **new_support(starts_on=None))
    assert fields(excinfo) == {"starts_on"}
    with pytest.raises(ValidationError) as excinfo:
        services.add_action(dossier, user=generalist_a, **new_support(starts_on=dossier.registered_on - DAY))
    assert fields(excinfo) == {"starts_on"}


def test_existing_support_started_by_registration(dossier, generalist_a):
    assert services.add_action(dossier, user=generalist_a, **new_support(existing=True, starts_on=None))
    assert services.add_action(dossier, user=generalist_a,
                               **new_support(existing=True, starts_on=dossier.registered_on - 400 * DAY))
    with pytest.raises(ValidationError) as excinfo:
        services.add_action(dossier, user=generalist_a,
                            **new_support(existing=True, starts_on=dossier.registered_on + DAY))
    assert fields(excinfo) == {"starts_on"}


def test_every_problem_at_once(dossier, generalist_a, team_a):
    elsewhere = household(team_a)
    with pytest.raises(ValidationError) as excinfo:
        services.add_action(dossier, user=generalist_a, **new_support(
            goal=GoalFactory(dossier=elsewhere), by_contact=NetworkContactFactory(dossier=elsewhere),
            domain="astrologie", kanteling="geluk", ends_on=TODAY - 20 * DAY,
        ))
    assert fields(excinfo) == {"goal", "by_contact", "domain", "kanteling", "ends_on"}
    assert not Action.objects.exists()


def test_a_network_contact_is_the_by_whom(dossier, generalist_a):
    sister = NetworkContactFactory(dossier=dossier, name="Anja de Vries", relation="zus")
    action = services.add_action(dossier, user=generalist_a,
                                 **new_support(kanteling="sociaal_netwerk", by="", by_contact=sister))
    assert action.by_display == "Anja de Vries" and action.by == "Anja de Vries"
    services.update_contact(sister, user=generalist_a, kind="familie", name="Anja Jansen", relation="zus",
                            phone="", email="", supportive="ja")
    action.refresh_from_db()
    assert action.by == "Anja Jansen"
    services.remove_contact(sister, user=generalist_a)
    action.refresh_from_db()
    assert action.by_contact is None and action.by == "Anja Jansen"  # who did it is kept


def test_only_maatwerk_links_a_referral(dossier, generalist_a, team_a):
    referral = ReferralFactory(dossier=dossier)
    action = services.add_action(dossier, user=generalist_a, **new_support(kanteling="maatwerk"))
    Action.objects.filter(pk=action.pk).update(referral=referral)
    with pytest.raises(ValidationError) as excinfo:
        services.update_action(action, user=generalist_a, kanteling="algemene_voorziening")
    assert fields(excinfo) == {"kanteling"}
    other = ReferralFactory(dossier=household(team_a))
    action = Action(dossier=dossier, referral=other)
    with pytest.raises(ValidationError) as excinfo:
        services._save_action(action, dossier, new_support(kanteling="maatwerk"))
    assert fields(excinfo) == {"referral"}


def test_remove(dossier, generalist_a):
    action = services.add_action(dossier, user=generalist_a, **new_support())
    services.remove_action(action, user=generalist_a)
    assert not Action.objects.exists()


def test_the_database_refuses_dates_out_of_order(dossier, generalist_a):
    action = services.add_action(dossier, user=generalist_a, **new_support())
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(ends_on=action.starts_on - DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(starts_on=None)
