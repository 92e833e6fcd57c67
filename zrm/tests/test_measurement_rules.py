"""The rules of recording and correcting a measurement (zrm.services)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases import services as case_services
from cases.factories import ClientFactory, household
from cases.models import ClosureReason, DossierEvent, EventKind
from zrm import services
from zrm.factories import instrument
from zrm.models import Instrument, Measurement
from zrm.tests.conftest import DAY, TODAY


def record(dossier, user, **overrides):
    arguments = {
        "client": dossier.members.order_by("id")[0].client,
        "instrument": instrument("zrm-2017"),
        "type": "nulmeting",
        "measured_on": TODAY - 10 * DAY,
        "scores": {"financien": 2, "huisvesting": 4, "justitie": None},
    }
    arguments.update(overrides)
    return services.record_measurement(dossier, user=user, **arguments)


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_a_measurement_stores_only_scored_domains(dossier, generalist_a, applicant):
    measurement = record(dossier, generalist_a)
    assert (measurement.client, measurement.type, measurement.created_by) == (applicant, "nulmeting", generalist_a)
    stored = Measurement.objects.get(pk=measurement.pk).scores
    assert stored == {"financien": 2, "huisvesting": 4}, "n.v.t. is no row, never a zero"
    event = DossierEvent.objects.get(dossier=dossier, kind=EventKind.MEASUREMENT)
    assert event.on == TODAY - 10 * DAY and event.user == generalist_a
    assert "nulmeting" in event.detail and applicant.display_name in event.detail


def test_the_household_itself_can_be_measured(dossier, generalist_a):
    measurement = record(dossier, generalist_a, client=None)
    assert measurement.client is None


def test_date_not_before_registration_nor_in_the_future(dossier, generalist_a):
    for day in (dossier.registered_on - DAY, TODAY + DAY):
        with pytest.raises(ValidationError) as excinfo:
            record(dossier, generalist_a, measured_on=day)
        assert set(errors_of(excinfo)) == {"measured_on"}
    assert record(dossier, generalist_a, measured_on=dossier.registered_on).measured_on == dossier.registered_on
    assert record(dossier, generalist_a, type="tussenmeting", measured_on=TODAY).measured_on == TODAY


def test_member_must_belong_to_the_dossier(dossier, generalist_a, team_a):
    stranger = ClientFactory()
    other_household = household(team_a).members.get().client
    for person in (stranger, other_household):
        with pytest.raises(ValidationError) as excinfo:
            record(dossier, generalist_a, client=person)
        assert set(errors_of(excinfo)) == {"client"}
    assert not Measurement.objects.exists()


def test_only_domains_of_the_chosen_instrument(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        record(dossier, generalist_a, instrument=instrument("zrm-2013"), scores={"financien": 3, "basale_adl": 2})
    assert set(errors_of(excinfo)) == {"scores"}
    assert "basale_adl" in errors_of(excinfo)["scores"][0]
    measurement = record(dossier, generalist_a, instrument=instrument("zrm-2013"), scores={"adl": 2})
    assert (measurement.instrument.code, measurement.scores) == ("zrm-2013", {"adl": 2})


@pytest.mark.parametrize("bad", [0, 6, -1, "3", 2.5, True])
def test_scores_are_steps_1_to_5(dossier, generalist_a, bad):
    with pytest.raises(ValidationError) as excinfo:
        record(dossier, generalist_a, scores={"financien": bad, "huisvesting": 3})
    assert set(errors_of(excinfo)) == {"score_financien"}


def test_at_least_one_domain_is_scored(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        record(dossier, generalist_a, scores={"financien": None, "justitie": None})
    assert set(errors_of(excinfo)) == {"__all__"}


def test_type_must_be_known(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        record(dossier, generalist_a, type="startmeting")
    assert set(errors_of(excinfo)) == {"type"}


def test_all_problems_are_reported_at_once(dossier, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        record(dossier, generalist_a, client=ClientFactory(), type="x", measured_on=TODAY + DAY,
               scores={"financien": 9})
    assert set(errors_of(excinfo)) == {"client", "type", "measured_on", "score_financien"}


def test_only_active_instruments_for_new_measurements(dossier, generalist_a):
    Instrument.objects.filter(code="zrm-2013").update(active=False)
    with pytest.raises(ValidationError) as excinfo:
        record(dossier, generalist_a, instrument=instrument("zrm-2013"), scores={"adl": 3})
    assert set(errors_of(excinfo)) == {"instrument"}


def test_a_retired_instrument_keeps_its_measurements_editable(dossier, generalist_a):
    old = record(dossier, generalist_a, instrument=instrument("zrm-2013"), scores={"adl": 3})
    Instrument.objects.filter(code="zrm-2013").update(active=False)
    services.update_measurement(old, user=generalist_a, client=old.client, type="nulmeting",
                                measured_on=old.measured_on, scores={"adl": 4})
    assert list(type(old).objects.get(pk=old.pk).scores.values()) == [4]
    with pytest.raises(ValidationError) as excinfo:  # but not moved to another retired one
        Instrument.objects.filter(code="zrm-ouderschap").update(active=False)
        services.update_measurement(old, user=generalist_a, client=old.client, type="nulmeting",
                                    measured_on=old.measured_on, scores={"opvang": 4},
                                    instrument=instrument("zrm-ouderschap"))
    assert set(errors_of(excinfo)) == {"instrument"}


def test_only_team_members_record(dossier, generalist_b, coach_a, beleid):
    for user in (generalist_b, beleid):
        with pytest.raises(PermissionDenied):
            record(dossier, user)
    assert record(dossier, coach_a).created_by == coach_a


def test_update_replaces_the_scores_and_is_on_the_timeline(dossier, generalist_a, partner):
    record(dossier, generalist_a, client=partner, measured_on=TODAY - 20 * DAY)  # the partner's nulmeting
    measurement = record(dossier, generalist_a)
    services.update_measurement(
        measurement, user=generalist_a, client=partner, type="tussenmeting", measured_on=TODAY - 2 * DAY,
        scores={"financien": None, "huisvesting": 5, "justitie": 1},
    )
    measurement.refresh_from_db()
    assert (measurement.client, measurement.type, measurement.measured_on) == (partner, "tussenmeting",
                                                                               TODAY - 2 * DAY)
    assert type(measurement).objects.get(pk=measurement.pk).scores == {"huisvesting": 5, "justitie": 1}
    assert DossierEvent.objects.filter(dossier=dossier, kind=EventKind.MEASUREMENT).count() == 3


def test_update_checks_the_same_rules(dossier, generalist_a, generalist_b):
    measurement = record(dossier, generalist_a)
    with pytest.raises(ValidationError) as excinfo:
        services.update_measurement(measurement, user=generalist_a, client=ClientFactory(), type="nulmeting",
                                    measured_on=dossier.registered_on - DAY, scores={"financien": 3})
    assert set(errors_of(excinfo)) == {"client", "measured_on"}
    with pytest.raises(PermissionDenied):
        services.update_measurement(measurement, user=generalist_b, client=None, type="nulmeting",
                                    measured_on=TODAY, scores={"financien": 3})
    assert type(measurement).objects.get(pk=measurement.pk).scores == {"financien": 2, "huisvesting": 4}


@pytest.fixture
def closed(dossier, generalist_a):
    record(dossier, generalist_a, measured_on=TODAY - 10 * DAY)  # the nulmeting an eindmeting follows
    return case_services.close_dossier(dossier, user=generalist_a, closed_on=TODAY - 3 * DAY,
                                       closure_reason=ClosureReason.ACCORDING_TO_PLAN)


def test_a_closed_dossier_takes_only_its_eindmeting_on_the_closing_date(closed, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        record(closed, generalist_a, type="tussenmeting", measured_on=closed.closed_on)
    assert set(errors_of(excinfo)) == {"type"}
    for day in (closed.closed_on - DAY, closed.closed_on + DAY):
        with pytest.raises(ValidationError) as excinfo:
            record(closed, generalist_a, type="eindmeting", measured_on=day)
        assert set(errors_of(excinfo)) == {"measured_on"}
    final = record(closed, generalist_a, type="eindmeting", measured_on=closed.closed_on)
    assert final.type == "eindmeting" and final.measured_on == closed.closed_on


def test_a_closed_dossier_is_read_only_except_its_eindmeting(dossier, generalist_a):
    before = record(dossier, generalist_a, measured_on=TODAY - 20 * DAY)
    closed = case_services.close_dossier(dossier, user=generalist_a, closed_on=TODAY - 3 * DAY,
                                         closure_reason=ClosureReason.ACCORDING_TO_PLAN)
    assert not services.is_editable(before, closed)
    with pytest.raises(ValidationError) as excinfo:
        services.update_measurement(before, user=generalist_a, client=before.client, type="nulmeting",
                                    measured_on=before.measured_on, scores={"financien": 5})
    assert not hasattr(excinfo.value, "error_dict"), "read-only: not a problem of one field"
    assert type(before).objects.get(pk=before.pk).scores == {"financien": 2, "huisvesting": 4}

    final = record(closed, generalist_a, type="eindmeting", measured_on=closed.closed_on)
    assert services.is_editable(final)
    services.update_measurement(final, user=generalist_a, client=final.client, type="eindmeting",
                                measured_on=closed.closed_on, scores={"financien": 5})
    assert type(final).objects.get(pk=final.pk).scores == {"financien": 5}
    with pytest.raises(ValidationError) as excinfo:  # and it stays the eindmeting on the closing date
        services.update_measurement(final, user=generalist_a, client=final.client, type="tussenmeting",
                                    measured_on=closed.closed_on - DAY, scores={"financien": 5})
    assert set(errors_of(excinfo)) == {"type"}


def test_default_instrument_is_the_newest_active_main_instrument(db):
    assert services.default_instrument().code == "zrm-2017"
    newer = Instrument.objects.create(code="zrm-2024", name="ZRM 2024")
    assert services.default_instrument() == newer
    Instrument.objects.create(code="zrm-extra", name="Aanvulling", supplement=True)
    assert services.default_instrument() == newer, "a supplement is never the default"
    newer.active = False
    newer.save()
    assert services.default_instrument().code == "zrm-2017"
