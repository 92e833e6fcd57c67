"""Recording and withdrawing consent: every refusal with its message next to its field,
withdrawal keeps the consent, require_consent refuses without consent in force."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.factories import household
from cases.services import today
from plans import consent_services as cs
from plans.models import Consent

TODAY = today()
DAY = dt.timedelta(days=1)


def _record(dossier, member, user, **values):
    data = {"recipient": "huisarts Jansen", "form": "schriftelijk", "given_on": TODAY - 10 * DAY} | values
    return cs.record_consent(member, user=user, dossier=dossier, **data)


def _errors(excinfo) -> dict:
    return {field: [str(m) for m in messages] for field, messages in excinfo.value.message_dict.items()}


def test_record_keeps_who_and_when(dossier, member, generalist_a):
    consent = _record(dossier, member, generalist_a, recipient="  huisarts   Jansen ", purpose=" overleg ")
    assert (consent.recipient, consent.purpose, consent.recorded_by) == ("huisarts Jansen", "overleg", generalist_a)
    assert consent.recorded_at is not None and consent.dossier == dossier


def test_record_refuses_all_problems_at_once(dossier, member, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        _record(dossier, member, generalist_a, recipient=" ", form="per duif", given_on=TODAY + DAY)
    errors = _errors(excinfo)
    assert errors["recipient"] == ["Vul in wie de gegevens mag ontvangen."]
    assert errors["form"] == ["Kies hoe de toestemming is gegeven: mondeling, schriftelijk of digitaal."]
    assert errors["given_on"] == ["Deze datum ligt in de toekomst."]
    assert not Consent.objects.exists()


def test_expiry_before_given_refused(dossier, member, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        _record(dossier, member, generalist_a, expires_on=TODAY - 11 * DAY)
    assert "expires_on" in _errors(excinfo)
    consent = _record(dossier, member, generalist_a, expires_on=TODAY - 10 * DAY)  # the same day is allowed
    assert consent.expires_on == consent.given_on


def test_client_must_be_member_of_the_dossier(dossier, team_a, generalist_a):
    stranger = household(team_a).members.get().client
    with pytest.raises(ValidationError) as excinfo:
        _record(dossier, stranger, generalist_a)
    assert _errors(excinfo) == {"client": ["Deze persoon hoort niet bij het huishouden."]}


def test_other_team_refused(dossier, member, generalist_b):
    with pytest.raises(PermissionDenied):
        _record(dossier, member, generalist_b)
    with pytest.raises(PermissionDenied):
        cs.record_consent(member, user=generalist_b, recipient="x", form="mondeling", given_on=TODAY)


def test_closed_dossier_takes_no_new_consent(dossier, member, generalist_a):
    consent = _record(dossier, member, generalist_a)
    type(dossier).objects.filter(pk=dossier.pk).update(closed_on=TODAY, closure_reason="volgens_plan")
    with pytest.raises(ValidationError):
        _record(dossier, member, generalist_a)
    cs.withdraw_consent(consent, user=generalist_a, withdrawn_on=TODAY)  # withdrawing stays possible
    consent.refresh_from_db()
    assert consent.withdrawn_on == TODAY


def test_withdraw_keeps_the_consent(dossier, member, generalist_a):
    consent = _record(dossier, member, generalist_a)
    cs.withdraw_consent(consent, user=generalist_a, withdrawn_on=TODAY - 2 * DAY)
    consent.refresh_from_db()
    assert (consent.withdrawn_on, consent.withdrawn_by) == (TODAY - 2 * DAY, generalist_a)
    assert consent.withdrawn_at is not None
    assert Consent.objects.in_force(TODAY - 3 * DAY).filter(pk=consent.pk).exists()
    assert not Consent.objects.in_force(TODAY).filter(pk=consent.pk).exists()


@pytest.mark.parametrize(
    ("withdrawn_on", "message"),
    [
        (None, "Vul de datum in waarop de toestemming is ingetrokken."),
        (TODAY + DAY, "Deze datum ligt in de toekomst."),
        (TODAY - 11 * DAY, "De toestemming kan niet zijn ingetrokken voordat die werd gegeven ("),
        (TODAY - 5 * DAY, "Deze toestemming was al verlopen op "),
    ],
)
def test_withdraw_refusals(dossier, member, generalist_a, withdrawn_on, message):
    consent = _record(dossier, member, generalist_a, expires_on=TODAY - 5 * DAY)
    with pytest.raises(ValidationError) as excinfo:
        cs.withdraw_consent(consent, user=generalist_a, withdrawn_on=withdrawn_on)
    assert _errors(excinfo)["withdrawn_on"][0].startswith(message)


def test_withdraw_twice_refused_and_other_team_refused(dossier, member, generalist_a, generalist_b):
    consent = _record(dossier, member, generalist_a)
    with pytest.raises(PermissionDenied):
        cs.withdraw_consent(consent, user=generalist_b, withdrawn_on=TODAY)
    cs.withdraw_consent(consent, user=generalist_a, withdrawn_on=TODAY)
    with pytest.raises(ValidationError) as excinfo:
        cs.withdraw_consent(consent, user=generalist_a, withdrawn_on=TODAY)
    assert _errors(excinfo)["withdrawn_on"][0].startswith("Deze toestemming is al ingetrokken op ")


def test_require_consent(dossier, member, other_member, generalist_a):
    with pytest.raises(ValidationError) as excinfo:
        cs.require_consent(member, "Huisarts Jansen", TODAY)
    message = _errors(excinfo)["recipient"][0]
    assert f"{member.display_name} heeft geen toestemming gegeven" in message
    assert "“Huisarts Jansen”" in message or '"Huisarts Jansen"' in message
    consent = _record(dossier, member, generalist_a, expires_on=TODAY + 5 * DAY)
    assert cs.require_consent(member, " HUISARTS  jansen", TODAY) == consent  # case and spaces do not matter
    assert cs.consent_in_force(member, "huisarts Pietersen", TODAY) is None  # another recipient
    assert cs.consent_in_force(other_member, "huisarts Jansen", TODAY) is None  # another member
    assert cs.consent_in_force(member, "huisarts Jansen", TODAY + 5 * DAY) is None  # expired that day
    with pytest.raises(ValidationError) as excinfo:
        cs.require_consent(member, "huisarts Jansen", TODAY - 11 * DAY, field="third_party")
    assert "third_party" in excinfo.value.message_dict
