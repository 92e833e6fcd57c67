"""Defect 2: the order of one member's measurements (docs/adr/0010): one nulmeting; a doel-,
tussen- or eindmeting needs the nulmeting and is not dated before it; at most one eindmeting,
not before a tussenmeting, and no tussenmeting after it. zrm-2013 and zrm-2017 are one
series; a supplement (parenting) scored alongside has its own."""

import pytest
from django.core.exceptions import ValidationError

from zrm import services
from zrm.factories import instrument
from zrm.tests.conftest import DAY, TODAY


def record(dossier, user, client, type, on, code="zrm-2017", scores=None):
    return services.record_measurement(dossier, user=user, client=client, instrument=instrument(code), type=type,
                                       measured_on=on, scores=scores or {"financien": 2})


def refused(call) -> dict:
    with pytest.raises(ValidationError) as excinfo:
        call()
    return excinfo.value.message_dict


def test_a_tussenmeting_before_the_nulmeting_is_refused(dossier, generalist_a, applicant):
    record(dossier, generalist_a, applicant, "nulmeting", TODAY - 10 * DAY)
    errors = refused(lambda: record(dossier, generalist_a, applicant, "tussenmeting", TODAY - 20 * DAY))
    assert set(errors) == {"measured_on"} and "nulmeting" in errors["measured_on"][0]
    assert record(dossier, generalist_a, applicant, "tussenmeting", TODAY - 10 * DAY).type == "tussenmeting"


def test_a_second_nulmeting_for_the_same_member_is_refused(dossier, generalist_a, applicant, partner):
    record(dossier, generalist_a, applicant, "nulmeting", TODAY - 10 * DAY)
    assert set(refused(lambda: record(dossier, generalist_a, applicant, "nulmeting", TODAY - 5 * DAY))) == {"type"}
    # zrm-2013 shares the domains: the same series, also refused
    assert "type" in refused(lambda: record(dossier, generalist_a, applicant, "nulmeting", TODAY, code="zrm-2013"))
    # another member, and the household, have their own nulmeting
    record(dossier, generalist_a, partner, "nulmeting", TODAY - 5 * DAY)
    record(dossier, generalist_a, None, "nulmeting", TODAY - 5 * DAY)


def test_a_supplement_has_a_series_of_its_own(dossier, generalist_a, applicant):
    record(dossier, generalist_a, applicant, "nulmeting", TODAY - 10 * DAY)
    supplement = record(dossier, generalist_a, applicant, "nulmeting", TODAY - 5 * DAY, code="zrm-ouderschap",
                        scores={"opvang": 2})
    assert supplement.type == "nulmeting"


@pytest.mark.parametrize("type", ["doelmeting", "tussenmeting", "eindmeting"])
def test_later_measurements_need_the_nulmeting(dossier, generalist_a, applicant, type):
    assert set(refused(lambda: record(dossier, generalist_a, applicant, type, TODAY))) == {"type"}


def test_one_eindmeting_last(dossier, generalist_a, applicant):
    record(dossier, generalist_a, applicant, "nulmeting", TODAY - 30 * DAY)
    record(dossier, generalist_a, applicant, "tussenmeting", TODAY - 10 * DAY)
    assert set(refused(lambda: record(dossier, generalist_a, applicant, "eindmeting", TODAY - 20 * DAY))) == {
        "measured_on"}
    record(dossier, generalist_a, applicant, "eindmeting", TODAY - 5 * DAY)
    assert "type" in refused(lambda: record(dossier, generalist_a, applicant, "eindmeting", TODAY))
    assert "measured_on" in refused(lambda: record(dossier, generalist_a, applicant, "tussenmeting", TODAY))


def test_a_nulmeting_cannot_move_after_later_measurements(dossier, generalist_a, applicant):
    baseline = record(dossier, generalist_a, applicant, "nulmeting", TODAY - 30 * DAY)
    record(dossier, generalist_a, applicant, "tussenmeting", TODAY - 10 * DAY)
    errors = refused(lambda: services.update_measurement(
        baseline, user=generalist_a, client=applicant, type="nulmeting", measured_on=TODAY - 5 * DAY,
        scores={"financien": 2}))
    assert set(errors) == {"measured_on"}


def test_the_entry_form_shows_the_order_rule_next_to_the_field(client, generalist_a, dossier, applicant):
    from django.urls import reverse

    from conftest import as_user

    record(dossier, generalist_a, applicant, "nulmeting", TODAY - 10 * DAY)
    as_user(client, generalist_a)
    data = {"client": str(applicant.pk), "instrument": "zrm-2017", "type": "tussenmeting",
            "measured_on": (TODAY - 20 * DAY).isoformat()}
    data.update({f"score_{d.code}": "nvt" for d in instrument("zrm-2017").domains.all()})
    data["score_financien"] = "3"
    response = client.post(reverse("zrm:new", args=[dossier.pk]), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"measured_on"}
