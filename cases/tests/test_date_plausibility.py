"""Dates without plausibility and a BSN typed with spaces: a registration date or birth date
before 1900 is refused with a message that says to check the year (01-01-0001 once put a
household "739956 days" on the waiting list); a BSN typed as "111 222 333" is cleaned."""

import datetime as dt

import pytest

from cases import services
from cases.factories import household
from cases.forms import ClientForm, DetailsForm
from cases.rules import EARLIEST_DATE

CLIENT = {"given_name": "Łucja", "family_name": "Şahin-Wójcik", "gender": "", "postcode": "", "address": "",
          "phone": "", "email": ""}


@pytest.fixture
def dossier(team_a):
    return household(team_a)


def test_registration_date_before_1900_is_refused_by_the_service():
    errors = services.registration_errors(team=None, registered_on=dt.date(1, 1, 1))
    assert "registered_on" in errors and "1900" in errors["registered_on"][0]
    assert services.registration_errors(team=None, registered_on=EARLIEST_DATE) == {}


def test_date_fields_of_the_forms_refuse_year_one(dossier):
    form = DetailsForm({"registered_on": "0001-01-01", "request_summary": ""}, dossier=dossier)
    assert not form.is_valid()
    assert "1900" in form.errors["registered_on"][0]


def test_birth_date_in_1800_is_refused(db):
    form = ClientForm({**CLIENT, "bsn": "", "birth_date": "1800-05-01"})
    assert not form.is_valid()
    assert "1900" in form.errors["birth_date"][0]


def test_bsn_typed_with_spaces_or_dots_is_cleaned(db):
    for typed in ("111 222 333", "111.222.333", " 1112 22333 "):
        form = ClientForm({**CLIENT, "bsn": typed, "birth_date": "1980-02-03"})
        assert form.is_valid(), (typed, form.errors)
        assert form.cleaned_data["bsn"] == "111222333"
    assert 'maxlength="13"' in str(ClientForm()["bsn"])
