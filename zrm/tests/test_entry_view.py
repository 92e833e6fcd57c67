"""Entering the matrix in the browser: saved in one request, errors next to the domain
with everything typed kept, the previous measurement alongside, and the access log."""

import pytest
from django.urls import reverse

from cases import services as case_services
from cases.models import AccessLogEntry, ClosureReason
from conftest import as_user
from tests.html import plain
from zrm.factories import measure
from zrm.models import Measurement
from zrm.tests.conftest import DAY, TODAY

CODES_2017 = [
    "financien", "werk_opleiding", "tijdsbesteding", "huisvesting", "huiselijke_relaties", "geestelijke_gezondheid",
    "lichamelijke_gezondheid", "middelengebruik", "basale_adl", "instrumentele_adl", "sociaal_netwerk",
    "maatschappelijke_participatie", "justitie",
]


@pytest.fixture
def logged_in(client, generalist_a):
    return as_user(client, generalist_a)


def matrix(**scores):
    """Every zrm-2017 domain n.v.t. unless given."""
    return {f"score_{code}": str(scores.get(code, "nvt")) for code in CODES_2017}


def post_new(http, dossier, **fields):
    data = {"instrument": "zrm-2017", "type": "nulmeting", "measured_on": (TODAY - 5 * DAY).isoformat(),
            **matrix(financien=2, huisvesting=4, justitie=5)}
    data.update(fields)
    return http.post(reverse("zrm:new", args=[dossier.pk]), data)


def test_the_matrix_is_saved_in_one_request(logged_in, dossier, applicant, generalist_a):
    response = post_new(logged_in, dossier, client=str(applicant.pk))
    assert response.status_code == 302 and response["Location"] == dossier.get_absolute_url()
    measurement = Measurement.objects.get()
    assert (measurement.client, measurement.instrument.code, measurement.type, measurement.measured_on) == (
        applicant, "zrm-2017", "nulmeting", TODAY - 5 * DAY)
    assert type(measurement).objects.get(pk=measurement.pk).scores == {
        "financien": 2, "huisvesting": 4, "justitie": 5}
    assert measurement.created_by == generalist_a


def test_the_household_itself(logged_in, dossier):
    assert post_new(logged_in, dossier, client="household").status_code == 302
    assert Measurement.objects.get().client is None


def test_the_form_shows_one_radio_group_per_domain_with_accessible_names(logged_in, dossier, applicant):
    response = logged_in.get(reverse("zrm:new", args=[dossier.pk]), {"client": applicant.pk})
    html = plain(response.content)
    for code in CODES_2017:
        for value in ("1", "2", "3", "4", "5", "nvt"):
            assert f'name="score_{code}" value="{value}"' in html
        assert f'aria-labelledby="zrm-domain-{code} zrm-step-3"' in html
    assert html.count('<th scope="row">') == 13
    assert 'id="zrm-step-3" class="zrm-low"' in html and 'id="zrm-step-4" class="zrm-ok"' in html
    assert response.context["instrument"].code == "zrm-2017"
    assert response.context["form"]["type"].value() == "nulmeting", "no nulmeting yet: suggested"


def test_instrument_and_member_are_chosen_by_parameter(logged_in, dossier, partner):
    response = logged_in.get(reverse("zrm:new", args=[dossier.pk]),
                             {"instrument": "zrm-ouderschap", "client": partner.pk})
    assert [row.domain.code for row in response.context["matrix"]] == [
        "lichamelijke_verzorging", "opvang", "scholing", "sociaal_emotionele_ondersteuning"]
    assert response.context["unit_client"] == partner
    assert f'name="client" value="{partner.pk}"' in response.content.decode()


def test_errors_keep_everything_typed(logged_in, dossier, applicant):
    data = matrix(financien=2, huisvesting=5)
    del data["score_justitie"]  # forgotten
    data.update(client=str(applicant.pk), instrument="zrm-2017", type="tussenmeting",
                measured_on=(dossier.registered_on - DAY).isoformat())
    response = logged_in.post(reverse("zrm:new", args=[dossier.pk]), data)
    assert response.status_code == 200
    assert not Measurement.objects.exists()
    form = response.context["form"]
    assert set(form.errors) == {"measured_on", "score_justitie"}
    html = plain(response.content)
    assert 'name="score_financien" value="2" id="id_score_financien_2" aria-labelledby' in html
    assert 'value="2" id="id_score_financien_2" aria-labelledby="zrm-domain-financien zrm-step-2" checked' in html
    assert 'value="5" id="id_score_huisvesting_5" aria-labelledby="zrm-domain-huisvesting zrm-step-5" checked' in html
    assert 'value="nvt" id="id_score_werk_opleiding_nvt" aria-labelledby="zrm-domain-werk_opleiding ' \
           'zrm-step-nvt" checked' in html
    assert 'value="tussenmeting" required id="id_type_2" checked' in html
    assert f'value="{(dossier.registered_on - DAY).isoformat()}"' in html
    assert 'href="#id_score_justitie_1"' in html, "the error summary links to the domain"
    assert 'aria-describedby="id_score_justitie_errors" aria-invalid="true"' in html


def test_service_rules_are_shown_next_to_the_field(logged_in, dossier, applicant, generalist_a):
    measure(dossier, applicant, "nulmeting", TODAY - 10 * DAY, {"financien": 2})  # an eindmeting follows one
    case_services.close_dossier(dossier, user=generalist_a, closed_on=TODAY - 2 * DAY,
                                closure_reason=ClosureReason.ACCORDING_TO_PLAN)
    response = post_new(logged_in, dossier, client=str(applicant.pk), type="tussenmeting")
    assert response.status_code == 200 and set(response.context["form"].errors) == {"type"}
    response = post_new(logged_in, dossier, client=str(applicant.pk), type="eindmeting",
                        measured_on=(TODAY - 2 * DAY).isoformat())
    assert response.status_code == 302
    assert Measurement.objects.latest("id").type == "eindmeting"


def test_new_measurements_on_a_closed_dossier_default_to_the_eindmeting(logged_in, dossier, generalist_a):
    case_services.close_dossier(dossier, user=generalist_a, closed_on=TODAY - 2 * DAY,
                                closure_reason=ClosureReason.ACCORDING_TO_PLAN)
    form = logged_in.get(reverse("zrm:new", args=[dossier.pk])).context["form"]
    assert (form["type"].value(), form["measured_on"].value()) == ("eindmeting", TODAY - 2 * DAY)


def test_the_previous_measurement_of_the_same_member_is_shown(logged_in, dossier, applicant, partner):
    measure(dossier, applicant, "nulmeting", TODAY - 60 * DAY, {"financien": 1})
    latest = measure(dossier, applicant, "tussenmeting", TODAY - 30 * DAY, {"financien": 3, "justitie": 5})
    measure(dossier, partner, "tussenmeting", TODAY - 10 * DAY, {"financien": 5})  # another member
    measure(dossier, applicant, "nulmeting", TODAY - 5 * DAY, {"opvang": 2}, code="zrm-ouderschap")  # no overlap
    response = logged_in.get(reverse("zrm:new", args=[dossier.pk]), {"client": applicant.pk})
    assert response.context["previous"] == latest
    rows = {row.domain.code: row.previous for row in response.context["matrix"]}
    assert rows["financien"].score == 3 and rows["justitie"].score == 5
    assert rows["huisvesting"] is not None and rows["huisvesting"].score is None  # n.v.t.
    assert response.context["form"]["type"].value() == "tussenmeting"


def test_editing_prefills_saves_and_shows_the_one_before(logged_in, dossier, applicant):
    first = measure(dossier, applicant, "nulmeting", TODAY - 60 * DAY, {"financien": 1})
    second = measure(dossier, applicant, "tussenmeting", TODAY - 30 * DAY, {"financien": 3, "justitie": 5})
    url = reverse("zrm:edit", args=[dossier.pk, second.pk])
    response = logged_in.get(url)
    form = response.context["form"]
    assert form["score_financien"].value() == "3" and form["score_huisvesting"].value() == "nvt"
    assert response.context["previous"] == first
    response = logged_in.post(url, {"client": str(applicant.pk), "instrument": "zrm-2017", "type": "tussenmeting",
                                    "measured_on": (TODAY - 29 * DAY).isoformat(), **matrix(financien=4)})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.measured_on == TODAY - 29 * DAY
    assert type(second).objects.get(pk=second.pk).scores == {"financien": 4}
    assert Measurement.objects.count() == 2


def test_measurements_of_a_closed_dossier_are_read_only(logged_in, dossier, applicant, generalist_a):
    old = measure(dossier, applicant, "nulmeting", TODAY - 60 * DAY, {"financien": 1})
    case_services.close_dossier(dossier, user=generalist_a, closed_on=TODAY,
                                closure_reason=ClosureReason.ACCORDING_TO_PLAN)
    detail = reverse("zrm:detail", args=[dossier.pk, old.pk])
    assert reverse("zrm:edit", args=[dossier.pk, old.pk]) not in logged_in.get(detail).content.decode()
    response = logged_in.post(reverse("zrm:edit", args=[dossier.pk, old.pk]),
                              {"client": str(applicant.pk), "instrument": "zrm-2017", "type": "nulmeting",
                               "measured_on": old.measured_on.isoformat(), **matrix(financien=5)})
    assert response.status_code == 302 and response["Location"] == detail
    assert list(type(old).objects.get(pk=old.pk).scores.values()) == [1]


def test_access_is_logged(logged_in, dossier, applicant, generalist_a):
    post_new(logged_in, dossier, client=str(applicant.pk))
    measurement = Measurement.objects.get()
    logged_in.get(reverse("zrm:detail", args=[dossier.pk, measurement.pk]))
    logged_in.post(reverse("zrm:edit", args=[dossier.pk, measurement.pk]),
                   {"client": str(applicant.pk), "instrument": "zrm-2017", "type": "nulmeting",
                    "measured_on": measurement.measured_on.isoformat(), **matrix(financien=3)})
    entries = AccessLogEntry.objects.filter(dossier=dossier).order_by("id")
    assert [(e.action, e.client_id, e.user_id) for e in entries] == [
        ("create", applicant.pk, generalist_a.pk),
        ("view", applicant.pk, generalist_a.pk),
        ("change", applicant.pk, generalist_a.pk),
    ]
    assert entries[0].path == reverse("zrm:new", args=[dossier.pk])


def test_showing_the_entry_form_is_logged_as_a_view(logged_in, dossier, partner):
    logged_in.get(reverse("zrm:new", args=[dossier.pk]), {"client": partner.pk})
    # the form shows every member of the household, so each is logged (issue 12): the chosen one too
    entries = set(AccessLogEntry.objects.values_list("action", "client_id", "dossier_id"))
    assert ("view", partner.pk, dossier.pk) in entries
    assert entries == {("view", m.client_id, dossier.pk) for m in dossier.members.all()}


def test_the_detail_page_shows_the_scores_with_their_meaning(logged_in, dossier, applicant):
    measurement = measure(dossier, applicant, "nulmeting", TODAY - 60 * DAY, {"financien": 2, "justitie": 4})
    response = logged_in.get(reverse("zrm:detail", args=[dossier.pk, measurement.pk]))
    rows = {row["domain"].code: row for row in response.context["rows"]}
    assert (rows["financien"]["current"].score, rows["financien"]["label"]) == (2, "niet zelfredzaam")
    assert rows["werk_opleiding"]["current"].score is None
    html = plain(response.content)
    assert '<td class="zrm-low">2 niet zelfredzaam' in html and '<td class="zrm-ok">4 voldoende zelfredzaam' in html
