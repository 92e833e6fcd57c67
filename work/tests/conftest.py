import datetime as dt

import pytest

from cases.factories import household, user_with_role
from cases.models import Role
from cases.services import today

DAY = dt.timedelta(days=1)


@pytest.fixture
def day():
    return today()


@pytest.fixture
def colleague_a(team_a):
    return user_with_role(Role.GENERALIST, team_a, username="colleague-a")


@pytest.fixture
def dossier(team_a, generalist_a, day):
    """Registered 20 days ago, generalist_a is the lead worker."""
    return household(team_a, lead_worker=generalist_a, registered_on=day - 20 * DAY)
