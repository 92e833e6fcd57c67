"""Who scored a measurement (client-voice.md): asked on the matrix screen, "samen" by
default; the participatieladder is an instrument of six steps, the ZRM keeps its five."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import as_user
from zrm import services
from zrm.factories import instrument
from zrm.models import Measurement
from zrm.tests.conftest import DAY, TODAY
from zrm.tests.test_entry_view import matrix


@pytest.fixture
def logged_in(client, generalist_a):
    return as_user(client, generalist_a)


def post(http, dossier, applicant, **fields):
    data = {"client": str(applicant.pk), "instrument": "zrm-2017", "type": "nulmeting",
            "measured_on": (TODAY - 5 * DAY).isoformat(), **matrix(financien=2)}
    data.update(fields)
    return http.post(reverse("zrm:new", args=[dossier.pk]), data)


def test_the_matrix_asks_who_scored_with_samen_checked(logged_in, dossier, applicant):
    response = logged_in.get(reverse("zrm:new", args=[dossier.pk]), {"client": applicant.pk})
    html = response.content.decode()
    for value in ("samen", "professional", "client"):
        assert f'name="scored_with" value="{value}"' in html
    assert response.context["form"]["scored_with"].value() == "samen"
    assert 'value="zelfscan"' not in html, "a zelfscan comes from the portal"


@pytest.mark.parametrize("sent, stored", [("client", "client"), ("professional", "professional"), (None, "samen")])
def test_the_answer_is_stored(logged_in, dossier, applicant, sent, stored):
    fields = {"scored_with": sent} if sent else {}
    assert post(logged_in, dossier, applicant, **fields).status_code == 302
    assert Measurement.objects.get().scored_with == stored


def test_the_participatieladder_takes_six_steps_and_the_zrm_five(dossier, applicant, generalist_a):
    ladder = services.record_measurement(
        dossier, user=generalist_a, client=applicant, instrument=instrument("participatieladder"),
        type="nulmeting", measured_on=TODAY - 5 * DAY, scores={"participatie": 6}, scored_with="professional")
    assert (ladder.scores, ladder.scored_with) == ({"participatie": 6}, "professional")
    with pytest.raises(ValidationError) as refused:
        services.record_measurement(dossier, user=generalist_a, client=applicant, instrument=instrument(),
                                    type="nulmeting", measured_on=TODAY - 5 * DAY, scores={"financien": 6})
    assert "score_financien" in refused.value.message_dict


def test_the_default_instrument_is_never_the_participatieladder(db):
    assert services.default_instrument().kind == "zrm"
