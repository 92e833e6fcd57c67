"""Goal suggestions: the domains the latest nulmeting of each unit scored 1-3, without an
ongoing goal for that unit and domain."""

from plans import services
from plans.suggestions import suggestions
from plans.tests.conftest import DAY, TODAY
from zrm.models import Instrument, Measurement


def members(dossier):
    return list(dossier.members.select_related("client"))


def found(dossier):
    goals = list(dossier.goals.all())
    found = suggestions(dossier, goals, members(dossier))
    return [(s.client.pk if s.client else None, s.domain, s.score) for s in found]


def test_domains_scored_1_to_3_lowest_first(dossier, member, nulmeting):
    assert found(dossier) == [(member.pk, "geestelijke_gezondheid", 1), (member.pk, "financien", 2),
                              (member.pk, "tijdsbesteding", 3)]


def test_only_the_latest_nulmeting_counts(dossier, member, nulmeting):
    Measurement.objects.create(dossier=dossier, client=member, instrument=nulmeting.instrument, type="nulmeting",
                               measured_on=TODAY - 10 * DAY, scores={"huisvesting": 2, "financien": 4})
    Measurement.objects.create(dossier=dossier, client=member, instrument=nulmeting.instrument, type="doelmeting",
                               measured_on=TODAY - 5 * DAY, scores={"werk_opleiding": 1})
    assert found(dossier) == [(member.pk, "huisvesting", 2)]


def test_an_ongoing_goal_takes_the_suggestion_away(dossier, member, nulmeting, generalist_a):
    goal = services.add_goal(dossier, user=generalist_a, client=member, domain="financien", direction="verbeteren")
    assert (member.pk, "financien", 2) not in found(dossier)
    services.set_goal_status(goal, user=generalist_a, status="behaald", status_on=TODAY)
    assert (member.pk, "financien", 2) in found(dossier)  # achieved: it may be suggested again


def test_household_and_each_member_separately(dossier, member, other_member):
    tool = Instrument.objects.get(code="zrm-2013")
    Measurement.objects.create(dossier=dossier, client=None, instrument=tool, type="nulmeting",
                               measured_on=TODAY - DAY, scores={"huisvesting": 3})
    Measurement.objects.create(dossier=dossier, client=other_member, instrument=tool, type="nulmeting",
                               measured_on=TODAY - DAY, scores={"adl": 1, "financien": 5})
    assert sorted(found(dossier), key=str) == sorted([(None, "huisvesting", 3), (other_member.pk, "adl", 1)], key=str)


def test_no_nulmeting_no_suggestions(dossier, django_assert_num_queries):
    household_members = members(dossier)
    with django_assert_num_queries(1):  # the nulmetingen; no domain labels needed
        assert suggestions(dossier, [], household_members) == []
