"""Shared fixtures: the personas every test speaks in.

- generalist_a / generalist_b: generalists of team A and team B
- coach_a: team coach of team A
- beleid: organisation-wide figures, no personal data
- beheer: functional administrator
- api_token: a machine client of the municipality's indicators API
"""

import os

import pytest

from cases.factories import TeamFactory, user_with_role
from cases.models import Role

REQUIRE_SERVICES = os.environ.get("BUURTTEAM_REQUIRE_SERVICES") == "1"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": plain}
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def team_a(db):
    return TeamFactory(code="team-a", name="Buurtteam A")


@pytest.fixture
def team_b(db):
    return TeamFactory(code="team-b", name="Buurtteam B")


@pytest.fixture
def generalist_a(team_a):
    return user_with_role(Role.GENERALIST, team_a, username="generalist-a")


@pytest.fixture
def generalist_b(team_b):
    return user_with_role(Role.GENERALIST, team_b, username="generalist-b")


@pytest.fixture
def coach_a(team_a):
    return user_with_role(Role.TEAMCOACH, team_a, username="coach-a")


@pytest.fixture
def beleid(db):
    return user_with_role(Role.BELEID, None, username="beleid")


@pytest.fixture
def beheer(db):
    return user_with_role(Role.BEHEER, None, username="beheer")


@pytest.fixture
def api_token(db):
    from reporting.models import ApiClient

    _client, token = ApiClient.create_with_token("gemeente-test")
    return token


def as_user(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def postgres_only(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        if REQUIRE_SERVICES:
            pytest.fail("This test needs PostgreSQL (BUURTTEAM_REQUIRE_SERVICES=1).")
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
