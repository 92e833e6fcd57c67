"""Change history for every object type above cases (docs/adr/0101): a measurement (zrm),
a referral (maatwerk), the plan, a goal, an action, a network contact and a consent each
keep who changed what, when, with the old and the new value - also where a service writes
without ``save()`` (removal, a set-based update)."""

import pytest

from cases import history
from cases.history import ChangeRecord
from maatwerk import services as maatwerk_services
from plans import consent_services, services
from plans.models import Action
from plans.tests.conftest import DAY, TODAY
from zrm import services as zrm_services


def records(model: str, object_id: int):
    return list(ChangeRecord.objects.filter(model=model, object_id=object_id).order_by("id"))


def test_measurement(dossier, member, nulmeting, generalist_a):
    with history.acting(generalist_a):
        zrm_services.update_measurement(nulmeting, user=generalist_a, client=member, type="nulmeting",
                                        measured_on=TODAY - 54 * DAY,
                                        scores={**nulmeting.scores, "financien": 3})
    changed = records("zrm.measurement", nulmeting.pk)[-1]
    assert (changed.action, changed.user, changed.dossier_id, changed.client_id) == (
        "changed", generalist_a, dossier.pk, member.pk)
    assert changed.changes["measured_on"] == [(TODAY - 55 * DAY).isoformat(), (TODAY - 54 * DAY).isoformat()]
    assert changed.changes["scores"][0]["financien"] == 2 and changed.changes["scores"][1]["financien"] == 3
    with history.acting(generalist_a):
        zrm_services.withdraw_measurement(nulmeting, user=generalist_a, reason="dubbel ingevoerd")
    removed = records("zrm.measurement", nulmeting.pk)[-1]
    assert removed.action == "removed" and removed.changes["type"] == ["nulmeting", None]


def test_referral(dossier, member, product, provider, generalist_a):
    with history.acting(generalist_a):
        referral = maatwerk_services.request_referral(dossier, user=generalist_a, client=member, product=product,
                                                      provider=provider, form="zin", requested_on=TODAY - 5 * DAY)
        maatwerk_services.decide(referral, user=generalist_a, status="toegekend", decided_on=TODAY - 2 * DAY)
    created, decided = records("maatwerk.referral", referral.pk)
    assert created.action == "created" and created.changes["status"] == [None, "aangevraagd"]
    assert decided.user == generalist_a and decided.changes["status"] == ["aangevraagd", "toegekend"]
    assert decided.changes["decided_on"] == [None, (TODAY - 2 * DAY).isoformat()]


def test_plan_goal_action_contact(dossier, member, goal, generalist_a):
    with history.acting(generalist_a):
        services.update_goal(goal, user=generalist_a, client=member, domain="financien", direction="stabiliseren",
                             description="Schulden stabiel", set_on=goal.set_on, target_on=goal.target_on)
        services.agree_plan(dossier, user=generalist_a, agreed_on=TODAY)
        contact = services.add_contact(dossier, user=generalist_a, kind="familie", name="Henk", relation="broer")
        action = services.add_action(dossier, user=generalist_a, goal=goal, domain="financien",
                                     kanteling="sociaal_netwerk", by_contact=contact, starts_on=TODAY)
        services.update_contact(contact, user=generalist_a, kind="familie", name="Henk Bakker", relation="broer")
        services.remove_action(Action.objects.get(pk=action.pk), user=generalist_a)
    goal_change = records("plans.goal", goal.pk)[-1]
    assert goal_change.user == generalist_a and goal_change.client_id == member.pk
    assert goal_change.changes == {"direction": ["verbeteren", "stabiliseren"],
                                   "description": ["Schulden op een rij", "Schulden stabiel"]}
    plan_change = records("plans.plan", dossier.plan.pk)[-1]
    assert plan_change.changes["agreed_on"] == [None, TODAY.isoformat()]
    assert records("plans.networkcontact", contact.pk)[-1].changes == {"name": ["Henk", "Henk Bakker"]}
    created, renamed, removed = records("plans.action", action.pk)
    assert created.action == "created"
    assert renamed.changes == {"by": ["Henk", "Henk Bakker"]}  # the set-based update of update_contact
    assert removed.action == "removed" and removed.user == generalist_a
    assert removed.changes["kanteling"] == ["sociaal_netwerk", None]


def test_consent(dossier, member, generalist_a):
    with history.acting(generalist_a):
        consent = consent_services.record_consent(member, user=generalist_a, dossier=dossier, recipient="Lister",
                                                  form="mondeling", given_on=TODAY - 3 * DAY)
        consent_services.withdraw_consent(consent, user=generalist_a, withdrawn_on=TODAY)
    created, withdrawn = records("plans.consent", consent.pk)
    assert created.changes["recipient"] == [None, "Lister"]
    assert withdrawn.changes["withdrawn_on"] == [None, TODAY.isoformat()]
    assert withdrawn.changes["withdrawn_by_id"] == [None, generalist_a.pk]


@pytest.mark.django_db
def test_the_bundle_import_records_one_entry(tmp_path, beheer):
    from exchange.importer import import_bundle
    from plans.tests.bundle_helpers import importable_copy

    before = ChangeRecord.objects.count()
    with history.acting(beheer):
        assert import_bundle(importable_copy(tmp_path / "bundle")).stored
    added = ChangeRecord.objects.filter(pk__gt=0).count() - before
    entry = ChangeRecord.objects.get(action="imported")
    assert added == 1  # one per import, not one per row
    assert entry.user == beheer and entry.dossier_id is None and entry.client_id is None
    assert entry.changes["files"]["consents.csv"] > 0 and entry.changes["source"] == "bundle"
