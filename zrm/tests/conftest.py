import datetime as dt

import pytest

from cases.factories import household
from cases.services import today

TODAY = today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def dossier(team_a):
    """An open household of two in team A, registered 100 days ago."""
    return household(team_a, members=2, registered_on=TODAY - 100 * DAY)


@pytest.fixture
def applicant(dossier):
    return dossier.members.order_by("id")[0].client


@pytest.fixture
def partner(dossier):
    return dossier.members.order_by("id")[1].client
