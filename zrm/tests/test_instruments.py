"""Instruments are data: the three of the spec are loaded by migrate, and a new version
added by the functional administrator works without code changes."""

import pytest
from django.urls import reverse

from cases.factories import household
from conftest import as_user
from zrm import services
from zrm.models import Domain, DomainStepDescription, Instrument, Measurement
from zrm.tests.conftest import DAY, TODAY

STEPS = [
    (1, "acute problematiek"),
    (2, "niet zelfredzaam"),
    (3, "beperkt zelfredzaam"),
    (4, "voldoende zelfredzaam"),
    (5, "volledig zelfredzaam"),
]

# ../shared/specs/zrm-instruments.md, in order.
ZRM_2013 = [
    ("financien", "Financiën (Inkomen)"),
    ("dagbesteding", "Dagbesteding"),
    ("huisvesting", "Huisvesting"),
    ("huiselijke_relaties", "Huiselijke relaties (Gezinsrelaties)"),
    ("geestelijke_gezondheid", "Geestelijke gezondheid"),
    ("lichamelijke_gezondheid", "Lichamelijke gezondheid (Fysieke gezondheid)"),
    ("verslaving", "Verslaving"),
    ("adl", "ADL-vaardigheden"),
    ("sociaal_netwerk", "Sociaal netwerk"),
    ("maatschappelijke_participatie", "Maatschappelijke participatie"),
    ("justitie", "Justitie"),
]
# The spec names zrm-2017's domains shared with zrm-2013 by code only; they ship with the
# 2013 label without its parenthesised former name (checked below).
ZRM_2017 = [
    ("financien", None),
    ("werk_opleiding", "Werk & opleiding"),
    ("tijdsbesteding", "Tijdsbesteding"),
    ("huisvesting", None),
    ("huiselijke_relaties", None),
    ("geestelijke_gezondheid", None),
    ("lichamelijke_gezondheid", None),
    ("middelengebruik", "Middelengebruik"),
    ("basale_adl", "Basale ADL"),
    ("instrumentele_adl", "Instrumentele ADL"),
    ("sociaal_netwerk", None),
    ("maatschappelijke_participatie", None),
    ("justitie", None),
]
OUDERSCHAP = [
    ("lichamelijke_verzorging", "Lichamelijke verzorging"),
    ("opvang", "Opvang"),
    ("scholing", "Scholing"),
    ("sociaal_emotionele_ondersteuning", "Sociaal-emotionele ondersteuning"),
]


def domains(code):
    return list(Domain.objects.filter(instrument__code=code).order_by("order").values_list("order", "code", "label"))


def test_the_three_instruments_are_loaded(db):
    zrm = Instrument.objects.filter(kind="zrm")
    assert sorted(zrm.values_list("code", "active", "supplement")) == [
        ("zrm-2013", True, False), ("zrm-2017", True, False), ("zrm-ouderschap", True, True),
    ]
    for instrument in zrm:
        assert list(instrument.steps.values_list("number", "label")) == STEPS, instrument.code
    assert not DomainStepDescription.objects.exists(), "criteria texts are the organisation's, none shipped"


def test_zrm_2013_domains_exactly_as_specified(db):
    assert domains("zrm-2013") == [(i, code, label) for i, (code, label) in enumerate(ZRM_2013, start=1)]


def test_zrm_2017_domains_exactly_as_specified(db):
    stored = domains("zrm-2017")
    assert [(order, code) for order, code, _ in stored] == [(i, c) for i, (c, _) in enumerate(ZRM_2017, start=1)]
    labels_2013 = dict(ZRM_2013)
    for (_order, code, label), (_code, specified) in zip(stored, ZRM_2017, strict=True):
        if specified:
            assert label == specified
        else:
            assert labels_2013[code].split(" (")[0] == label, code


def test_parenting_supplement_domains_exactly_as_specified(db):
    assert domains("zrm-ouderschap") == [(i, c, label) for i, (c, label) in enumerate(OUDERSCHAP, start=1)]


def test_a_new_version_added_in_the_admin_is_offered_and_scored(client, beheer, generalist_a, team_a):
    as_user(client, beheer)
    data = {
        "code": "zrm-2024", "name": "ZRM 2024 (test)", "active": "on", "kind": "zrm",
        "steps-TOTAL_FORMS": "5", "steps-INITIAL_FORMS": "0", "steps-MIN_NUM_FORMS": "0", "steps-MAX_NUM_FORMS": "5",
        "domains-TOTAL_FORMS": "2", "domains-INITIAL_FORMS": "0", "domains-MIN_NUM_FORMS": "0",
        "domains-MAX_NUM_FORMS": "1000",
        "domains-0-order": "1", "domains-0-code": "financien", "domains-0-label": "Financiën",
        "domains-1-order": "2", "domains-1-code": "zingeving", "domains-1-label": "Zingeving",
    }
    for i, (number, label) in enumerate(STEPS):
        data[f"steps-{i}-number"] = str(number)
        data[f"steps-{i}-label"] = label
    response = client.post(reverse("admin:zrm_instrument_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    new = Instrument.objects.get(code="zrm-2024")
    assert list(new.domains.values_list("code", flat=True)) == ["financien", "zingeving"]
    assert new.steps.count() == 5
    assert services.default_instrument() == new

    dossier = household(team_a, registered_on=TODAY - 30 * DAY)
    as_user(client, generalist_a)
    page = client.get(reverse("zrm:new", args=[dossier.pk]))
    assert page.context["instrument"] == new
    assert "Zingeving" in page.content.decode()
    response = client.post(reverse("zrm:new", args=[dossier.pk]), {
        "client": str(dossier.members.get().client_id), "instrument": "zrm-2024", "type": "nulmeting",
        "measured_on": TODAY.isoformat(), "score_financien": "4", "score_zingeving": "nvt",
    })
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert measurement.instrument == new
    assert type(measurement).objects.get(pk=measurement.pk).scores == {"financien": 4}


@pytest.mark.parametrize("persona", ["generalist_a", "beleid"])
def test_only_the_functional_administrator_manages_instruments(client, request, persona):
    as_user(client, request.getfixturevalue(persona))
    response = client.get(reverse("admin:zrm_instrument_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_administrator_sees_instruments_and_descriptions_but_no_measurements(client, beheer):
    as_user(client, beheer)
    assert client.get(reverse("admin:zrm_instrument_changelist")).status_code == 200
    instrument = Instrument.objects.get(code="zrm-2017")
    assert client.get(reverse("admin:zrm_instrument_change", args=[instrument.pk])).status_code == 200
    assert client.get(reverse("admin:zrm_domainstepdescription_add")).status_code == 200
    index = client.get(reverse("admin:index")).content.decode()
    assert "zrm/measurement" not in index and "zrm/score" not in index


def test_the_participatieladder_has_six_steps_and_one_domain(db):
    ladder = Instrument.objects.get(code="participatieladder")
    assert ladder.kind == "participatieladder" and ladder.step_numbers() == (1, 2, 3, 4, 5, 6)
    assert list(ladder.steps.values_list("label", flat=True)) == [
        "geïsoleerd", "sociale contacten buiten de deur", "deelname aan georganiseerde activiteiten",
        "onbetaald werk", "betaald werk met ondersteuning", "betaald werk"]
    assert domains("participatieladder") == [(1, "participatie", "Participatie")]
