"""Fixtures of the plan tests: a team A household of two with a nulmeting, a goal made
through the service, a maatwerk product and provider."""

import datetime as dt

import pytest

from cases.factories import household
from cases.services import today
from maatwerk.factories import ProductFactory, ProviderFactory
from maatwerk.models import Category
from plans import services
from zrm.models import Instrument, Measurement

TODAY = today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def dossier(team_a):
    return household(team_a, members=2, registered_on=TODAY - 60 * DAY)


@pytest.fixture
def member(dossier):
    return dossier.members.order_by("id").first().client


@pytest.fixture
def other_member(dossier):
    return dossier.members.order_by("id").last().client


@pytest.fixture
def goal(dossier, member, generalist_a):
    return services.add_goal(dossier, user=generalist_a, client=member, domain="financien",
                             direction="verbeteren", description="Schulden op een rij",
                             set_on=TODAY - 50 * DAY, target_on=TODAY + 90 * DAY)


@pytest.fixture
def nulmeting(dossier, member):
    instrument = Instrument.objects.get(code="zrm-2017")
    return Measurement.objects.create(
        dossier=dossier, client=member, instrument=instrument, type="nulmeting", measured_on=TODAY - 55 * DAY,
        scores={"financien": 2, "huisvesting": 4, "tijdsbesteding": 3, "geestelijke_gezondheid": 1},
    )


@pytest.fixture
def product(db):
    return ProductFactory(code="iab-test", name="Individuele begeleiding test", category=Category.GUIDANCE)


@pytest.fixture
def provider(product):
    return ProviderFactory(code="aanbieder-test", name="Zorg Utrecht", products=[product])
