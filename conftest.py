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
def _iwmo_folders(settings, tmp_path_factory):
    """iWmo messages go to a folder of the test's own (toegang.transport), never the checkout."""
    folder = tmp_path_factory.mktemp("iwmo")
    settings.IWMO_OUTBOX_DIR, settings.IWMO_INBOX_DIR = folder / "uit", folder / "in"


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()


# The append-only tables and the migrations that made their SQLite triggers.
APPEND_ONLY = (("cases_changerecord", "cases.migrations.0012_change_history"),
               ("cases_accesslogentry", "cases.migrations.0002_accesslog_append_only"))


@pytest.fixture(autouse=True)
def _append_only_flushable(request):
    """A transactional test's database is flushed afterwards; on SQLite the flush deletes row
    by row, which the append-only triggers of the change history and the access log refuse
    (PostgreSQL truncates, which row triggers do not see). So empty those tables first, each
    trigger briefly lifted and put back exactly as its migration made it (docs/adr/0101)."""
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
    with connection.cursor() as cursor:
        for table, module in APPEND_ONLY:
            migration = importlib.import_module(module)
            for statement in migration.SQLITE_REVERSE:
                cursor.execute(statement)
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (a constant above)
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


def as_user(client, user, second_factor=True):
    """Log ``user`` in, as staff do: password, then the second factor (docs/adr/0090).

    The password step is Django's own login; the second factor is the user's TOTP device
    (created once), put in the session exactly as ``django_otp.login`` does after a correct
    code, so django-otp's middleware verifies it on every request. ``second_factor=False``
    stops after the password: a staff session that every staff page sends to the second step."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    if second_factor:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="authenticator-app")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def totp_code(device, steps_ahead: int = 0) -> str:
    """The code the user's authenticator app shows now (or ``steps_ahead`` 30-second steps later)."""
    from django_otp.oath import totp

    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{code:0{device.digits}d}"


@pytest.fixture
def postgres_only(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        if REQUIRE_SERVICES:
            pytest.fail("This test needs PostgreSQL (BUURTTEAM_REQUIRE_SERVICES=1).")
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def redis_cache(settings):
    """The default cache in a real Redis (BUURTTEAM_TEST_REDIS_URL), under a key prefix of its own."""
    import uuid

    url = os.environ.get("BUURTTEAM_TEST_REDIS_URL", "")
    if not url:
        if REQUIRE_SERVICES:
            pytest.fail("This test needs Redis (BUURTTEAM_TEST_REDIS_URL).")
        pytest.skip("needs Redis: set BUURTTEAM_TEST_REDIS_URL")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": url, "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"}}
