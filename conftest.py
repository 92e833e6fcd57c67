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


@pytest.fixture(autouse=True)
def _change_history_flushable(request):
    """A transactional test's database is flushed afterwards; on SQLite the flush deletes row
    by row, which the change history's append-only trigger refuses (PostgreSQL truncates,
    which row triggers do not see). So empty the history first, with its DELETE trigger
    briefly lifted and put back exactly as migration 0012 made it (docs/adr/0101)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    import importlib

    from django.db import connection

    if connection.vendor != "sqlite":
        return
    migration = importlib.import_module("cases.migrations.0012_change_history")
    with connection.cursor() as cursor:
        for statement in migration.SQLITE_REVERSE:
            cursor.execute(statement)
        cursor.execute("DELETE FROM cases_changerecord")
        for statement in migration.SQLITE:
            cursor.execute(statement)


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
