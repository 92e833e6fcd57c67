"""Rules for new referrals, the care period and objections; a closed dossier is read-only."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from cases import extensions
from cases import services as case_services
from cases.factories import household
from cases.models import ClosureReason, EventKind
from cases.services import today
from maatwerk import services
from maatwerk.factories import ProductFactory, ProviderFactory
from maatwerk.models import Referral

TODAY = today()
CLOSED = gettext("This dossier is closed and can no longer be changed.")
DAY = dt.timedelta(days=1)


def request(dossier, user, **changes):
    fields = {"form": "zin", "requested_on": TODAY - DAY, "notes": ""}
    fields.update(changes)
    return services.request_referral(dossier, user=user, **fields)


def errors(excinfo) -> dict:
    return excinfo.value.message_dict


# New referrals


def test_the_member_must_belong_to_the_dossier(dossier, team_a, product, provider, generalist_a):
    stranger = household(team_a).members.get().client
    with pytest.raises(ValidationError) as excinfo:
        request(dossier, generalist_a, client=stranger, product=product, provider=provider)
    assert list(errors(excinfo)) == ["client"]
    assert not Referral.objects.exists()


def test_a_referral_of_a_member_or_the_household_is_stored(dossier, member, product, provider, generalist_a):
    referral = request(dossier, generalist_a, client=member, product=product, provider=provider, notes=" 2 dagdelen ")
    stored = Referral.objects.get(pk=referral.pk)
    assert (stored.dossier, stored.client, stored.product, stored.provider) == (dossier, member, product, provider)
    assert (stored.form, stored.status, stored.requested_on, stored.notes) == ("zin", "aangevraagd", TODAY - DAY,
                                                                                "2 dagdelen")
    household_level = request(dossier, generalist_a, client=None, product=product, provider=provider)
    assert Referral.objects.get(pk=household_level.pk).client is None


def test_the_provider_must_offer_the_product(dossier, member, product, generalist_a):
    other = ProviderFactory(name="Vervoer BV", products=[ProductFactory(category="vervoer")])
    with pytest.raises(ValidationError) as excinfo:
        request(dossier, generalist_a, client=member, product=product, provider=other)
    assert list(errors(excinfo)) == ["provider"]
    assert "Vervoer BV" in errors(excinfo)["provider"][0]
    assert not Referral.objects.exists()


def test_product_and_provider_must_be_active(dossier, member, product, provider, generalist_a):
    product.active = False
    product.save()
    provider.active = False
    provider.save()
    with pytest.raises(ValidationError) as excinfo:
        request(dossier, generalist_a, client=member, product=product, provider=provider)
    assert sorted(errors(excinfo)) == ["product", "provider"]


def test_the_form_is_zin_or_pgb(dossier, member, product, provider, generalist_a):
    for wrong in ("", "cash"):
        with pytest.raises(ValidationError) as excinfo:
            request(dossier, generalist_a, client=member, product=product, provider=provider, form=wrong)
        assert list(errors(excinfo)) == ["form"]
    referral = request(dossier, generalist_a, client=member, product=product, provider=provider, form="pgb")
    assert Referral.objects.get(pk=referral.pk).form == "pgb"


@pytest.mark.parametrize("offset", [None, 1, -61])  # missing, tomorrow, before registration (60 days ago)
def test_the_request_date_is_required_and_between_registration_and_today(
    dossier, member, product, provider, generalist_a, offset
):
    requested_on = None if offset is None else TODAY + offset * DAY
    with pytest.raises(ValidationError) as excinfo:
        request(dossier, generalist_a, client=member, product=product, provider=provider, requested_on=requested_on)
    assert list(errors(excinfo)) == ["requested_on"]
    referral = request(dossier, generalist_a, client=member, product=product, provider=provider,
                       requested_on=dossier.registered_on)
    assert referral.requested_on == dossier.registered_on


# Closed dossiers


@pytest.fixture
def close(generalist_a):
    def close(dossier):
        # Closing settles referrals still awaiting a decision: here they are withdrawn.
        settle = {item.field: "withdraw" for item in extensions.open_items(dossier)}
        case_services.close_dossier(dossier, user=generalist_a, closed_on=TODAY,
                                    closure_reason=ClosureReason.ACCORDING_TO_PLAN, settlements=settle)
    return close


def test_a_closed_dossier_gets_no_new_referrals(dossier, member, product, provider, generalist_a, close):
    close(dossier)
    with pytest.raises(ValidationError) as excinfo:
        request(dossier, generalist_a, client=member, product=product, provider=provider)
    assert excinfo.value.messages == [CLOSED]
    assert not Referral.objects.exists()


def test_a_closed_dossiers_referrals_cannot_change(granted, member, product, provider, generalist_a, close):
    pending = request(granted.dossier, generalist_a, client=member, product=product, provider=provider)
    close(granted.dossier)
    events = granted.dossier.events.count()
    attempts = [
        lambda: services.decide(pending, user=generalist_a, status="afgewezen", decided_on=TODAY),
        lambda: services.set_care_period(granted, user=generalist_a, starts_on=TODAY, ends_on=None),
        lambda: services.record_objection(granted, user=generalist_a, objected=True, outcome=""),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as excinfo:
            attempt()
        assert excinfo.value.messages == [CLOSED]
    assert Referral.objects.get(pk=pending.pk).status == "ingetrokken"  # settled when closing
    stored = Referral.objects.get(pk=granted.pk)
    assert (stored.status, stored.starts_on, stored.objected) == ("toegekend", None, False)
    assert granted.dossier.events.count() == events


# Care period


@pytest.mark.parametrize("fixture", ["requested", "rejected"])
def test_only_granted_care_has_a_care_period(request, generalist_a, fixture):
    referral = request.getfixturevalue(fixture)
    with pytest.raises(ValidationError):
        services.set_care_period(referral, user=generalist_a, starts_on=TODAY, ends_on=None)
    assert Referral.objects.get(pk=referral.pk).starts_on is None


def test_care_may_be_planned_in_the_future(granted, generalist_a):
    starts, ends = TODAY + 7 * DAY, TODAY + 365 * DAY
    services.set_care_period(granted, user=generalist_a, starts_on=starts, ends_on=ends)
    stored = Referral.objects.get(pk=granted.pk)
    assert (stored.starts_on, stored.ends_on) == (starts, ends)
    event = stored.dossier.events.filter(kind=EventKind.REFERRAL).first()
    assert event.on == starts and starts.strftime("%d-%m-%Y") in event.detail


def test_care_may_start_before_the_decision_but_not_before_the_request(granted, generalist_a):
    services.set_care_period(granted, user=generalist_a, starts_on=granted.requested_on, ends_on=None)
    assert Referral.objects.get(pk=granted.pk).starts_on == granted.requested_on
    with pytest.raises(ValidationError) as excinfo:
        services.set_care_period(granted, user=generalist_a, starts_on=granted.requested_on - DAY, ends_on=None)
    assert list(errors(excinfo)) == ["starts_on"]


def test_care_ends_on_or_after_it_starts(granted, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.set_care_period(granted, user=generalist_a, starts_on=TODAY, ends_on=TODAY - DAY)
    assert list(errors(excinfo)) == ["ends_on"]
    with pytest.raises(ValidationError) as excinfo:
        services.set_care_period(granted, user=generalist_a, starts_on=None, ends_on=TODAY)
    assert list(errors(excinfo)) == ["starts_on"]
    services.set_care_period(granted, user=generalist_a, starts_on=TODAY, ends_on=TODAY)
    stored = Referral.objects.get(pk=granted.pk)
    assert (stored.starts_on, stored.ends_on) == (TODAY, TODAY)


# Objections


def test_an_objection_without_outcome_is_pending(rejected, generalist_a):
    services.record_objection(rejected, user=generalist_a, objected=True, outcome="")
    stored = Referral.objects.get(pk=rejected.pk)
    assert (stored.status, stored.objected, stored.objection_outcome) == ("afgewezen", True, "lopend")
    services.record_objection(rejected, user=generalist_a, objected=True, outcome="ongegrond")
    assert Referral.objects.get(pk=rejected.pk).objection_outcome == "ongegrond"


def test_an_outcome_needs_an_objection(rejected, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        services.record_objection(rejected, user=generalist_a, objected=False, outcome="gegrond")
    assert list(errors(excinfo)) == ["objection_outcome"]
    services.record_objection(rejected, user=generalist_a, objected=True, outcome="gegrond")
    services.record_objection(rejected, user=generalist_a, objected=False, outcome="")
    stored = Referral.objects.get(pk=rejected.pk)
    assert (stored.objected, stored.objection_outcome) == (False, "")


def test_an_objection_is_against_a_decision(requested, generalist_a):
    with pytest.raises(ValidationError):
        services.record_objection(requested, user=generalist_a, objected=True, outcome="")
    services.decide(requested, user=generalist_a, status="ingetrokken", decided_on=None)
    with pytest.raises(ValidationError):
        services.record_objection(requested, user=generalist_a, objected=True, outcome="")
    assert Referral.objects.get(pk=requested.pk).objected is False
