"""The participatieladder (client-voice.md): six steps, scored for adult members with the
ZRM's order rules, its development on the dossier page; never in the ZRM's own section."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import as_user
from zrm import services
from zrm.factories import instrument, measure
from zrm.tests.conftest import DAY, TODAY


def record(dossier, user, client, type, on, step):
    return services.record_measurement(dossier, user=user, client=client, instrument=instrument("participatieladder"),
                                       type=type, measured_on=on, scores={"participatie": step})


def test_adult_members_only_with_the_order_rules(dossier, applicant, partner, generalist_a):
    applicant.birth_date = TODAY - dt.timedelta(days=365 * 30)
    applicant.save()
    partner.birth_date = TODAY - dt.timedelta(days=365 * 15)
    partner.save()
    record(dossier, generalist_a, applicant, "nulmeting", TODAY - 50 * DAY, 2)
    with pytest.raises(ValidationError) as second:
        record(dossier, generalist_a, applicant, "nulmeting", TODAY - 40 * DAY, 3)
    assert "type" in second.value.message_dict
    with pytest.raises(ValidationError) as minor:
        record(dossier, generalist_a, partner, "nulmeting", TODAY - 40 * DAY, 3)
    assert "client" in minor.value.message_dict
    with pytest.raises(ValidationError) as household:
        record(dossier, generalist_a, None, "nulmeting", TODAY - 40 * DAY, 3)
    assert "client" in household.value.message_dict
    # a ZRM nulmeting is its own series: the ladder's nulmeting does not block it
    measure(dossier, applicant, "nulmeting", TODAY - 45 * DAY, {"financien": 2})


def test_the_development_on_the_dossier_page(client, dossier, applicant, generalist_a):
    record(dossier, generalist_a, applicant, "nulmeting", TODAY - 50 * DAY, 2)
    record(dossier, generalist_a, applicant, "tussenmeting", TODAY - 10 * DAY, 4)
    measure(dossier, applicant, "nulmeting", TODAY - 45 * DAY, {"financien": 2})
    response = as_user(client, generalist_a).get(dossier.get_absolute_url())
    context = response.context
    (row,) = context["ladder"]
    assert (row.client, row.baseline_step, row.last_step, row.change) == (applicant, 2, 4, 2)
    assert "Participatieladder" in response.content.decode()
    assert all(m.instrument.is_zrm for unit in context["units"] for m in unit.measurements)
