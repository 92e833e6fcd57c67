"""Fixtures shared by the maatwerk tests: a team A household, a product and a provider
offering it, and a requested referral made through the service."""

import datetime as dt

import pytest

from cases.factories import household
from cases.services import today
from maatwerk import services
from maatwerk.factories import ProductFactory, ProviderFactory
from maatwerk.models import Category, Form

TODAY = today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def dossier(team_a):
    return household(team_a, members=2, registered_on=TODAY - 60 * DAY)


@pytest.fixture
def member(dossier):
    return dossier.members.order_by("id").first().client


@pytest.fixture
def product(db):
    return ProductFactory(code="iab-test", name="Individuele begeleiding test", category=Category.GUIDANCE)


@pytest.fixture
def provider(product):
    return ProviderFactory(code="aanbieder-test", name="Zorg Utrecht", products=[product])


@pytest.fixture
def requested(dossier, member, product, provider, generalist_a):
    return services.request_referral(
        dossier, user=generalist_a, client=member, product=product, provider=provider,
        form=Form.IN_KIND, requested_on=TODAY - 30 * DAY, notes="Dagstructuur",
    )


@pytest.fixture
def granted(requested, generalist_a):
    return services.decide(requested, user=generalist_a, status="toegekend", decided_on=TODAY - 20 * DAY)


@pytest.fixture
def rejected(requested, generalist_a):
    return services.decide(requested, user=generalist_a, status="afgewezen", decided_on=TODAY - 20 * DAY)
