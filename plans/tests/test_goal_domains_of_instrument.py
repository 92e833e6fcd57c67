"""The goal form lists the domains of the household's current ZRM instrument (2013 and 2017
share codes: a 2017 goal shows its 2017 label); the resident's portal lists them in B1 words,
in the instrument's order, not 21 professional terms alphabetically."""

from plans.forms import GoalForm
from plans.services import domain_label
from plans.tests.conftest import DAY, TODAY
from portal.forms import ProposeGoalForm
from zrm.models import Instrument, Measurement


def _codes(choices) -> list[str]:
    codes = []
    for value, label in choices:
        codes.extend(code for code, _label in label) if isinstance(label, list | tuple) else codes.append(value)
    return codes


def test_the_goal_form_shows_the_current_instruments_domains(dossier, member, nulmeting):
    codes = _codes(GoalForm(dossier=dossier).fields["domain"].choices)
    assert "werk_opleiding" in codes and "dagbesteding" not in codes  # 2017, not 2013
    assert len(codes) == len(set(codes))  # no code twice


def test_a_household_measured_with_2013_gets_the_2013_domains(dossier, member):
    Measurement.objects.create(dossier=dossier, client=member, instrument=Instrument.objects.get(code="zrm-2013"),
                               type="nulmeting", measured_on=TODAY - 5 * DAY, scores={"financien": 2})
    codes = _codes(GoalForm(dossier=dossier).fields["domain"].choices)
    assert "dagbesteding" in codes and "werk_opleiding" not in codes


def test_a_shared_code_shows_the_label_of_the_instrument_in_use(db):
    assert domain_label("financien") == "Financiën"


def test_the_portal_lists_the_domains_in_b1_words_in_order(dossier, member, nulmeting):
    choices = ProposeGoalForm(dossier=dossier).fields["domain"].choices
    labels = [str(label) for _code, label in choices]
    assert labels[1] == "Geld en rekeningen"
    assert "Instrumentele ADL" not in labels and "Huishouden en boodschappen" in labels
    assert labels[1:-1] != sorted(labels[1:-1])
