"""Fixtures of the Wmo toegang tests, and the check that every outbound message any of these
tests made validates against its XSD (the validator itself, never mocked)."""

import datetime as dt

import pytest

from cases.rules import today
from toegang.factories import granted_allocation, iwmo_product, iwmo_provider
from toegang.iwmo import schemas

TODAY = today()
DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _every_outbound_message_validates(request):
    uses_db = "db" in request.fixturenames or "transactional_db" in request.fixturenames
    if uses_db:  # set up before (and torn down after) this check
        request.getfixturevalue("transactional_db" if "transactional_db" in request.fixturenames else "db")
    yield
    if not uses_db:
        return
    from toegang.models import Direction, Message

    for message in Message.objects.filter(direction=Direction.OUT):
        schemas.parse(message.xml.encode("utf-8"))  # raises InvalidMessage


@pytest.fixture
def product(db):
    return iwmo_product()


@pytest.fixture
def provider(product):
    return iwmo_provider([product])


@pytest.fixture
def allocation(team_a, generalist_a, product, provider):
    return granted_allocation(team_a, generalist_a, today=TODAY, product=product, provider=provider)
