import pytest

from cases.factories import TeamFactory, user_with_role
from cases.roles import Role


@pytest.fixture
def team(db):
    return TeamFactory(code="binnenstad", name="Buurtteam Binnenstad")


@pytest.fixture
def other_team(db):
    return TeamFactory(code="overvecht", name="Buurtteam Overvecht")


@pytest.fixture
def worker(team):
    return user_with_role(Role.GENERALIST, team, username="generalist")


@pytest.fixture
def other_worker(other_team):
    return user_with_role(Role.GENERALIST, other_team, username="andere")
