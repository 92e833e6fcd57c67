"""With a read replica configured (``DATABASE_REPLICA_URL``), the dashboards and the API read
the figures from the alias ``replica``, and nothing else does: a recomputation, the login and
every page with personal data read the primary (buurtteam/replica.py, README "Scaling out").

The test adds the alias as a second real connection to the test database (the same rows, as
a streaming replica has them) and captures the SQL each connection runs."""

import pytest
from django.db import connections
from django.db.utils import load_backend
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buurtteam.replica import REPLICA, ReplicaRouter
from conftest import as_user
from reporting.models import IndicatorRow
from reporting.tests.api_helpers import auth, stored_rows

ROWS = "reporting_indicatorrow"
pytestmark = pytest.mark.django_db(transaction=True)  # the second connection sees committed rows


@pytest.fixture
def replica(settings, db):
    primary = connections["default"]
    wrapper = load_backend(primary.settings_dict["ENGINE"]).DatabaseWrapper({**primary.settings_dict}, REPLICA)
    connections[REPLICA] = wrapper  # a second real connection, made here (not from settings)
    settings.DATABASES = {**settings.DATABASES, REPLICA: wrapper.settings_dict}
    yield wrapper
    wrapper.close()
    del connections[REPLICA]


def run(client, url, **extra):
    with CaptureQueriesContext(connections["default"]) as primary, \
            CaptureQueriesContext(connections[REPLICA]) as replica:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return [q["sql"] for q in primary.captured_queries], [q["sql"] for q in replica.captured_queries]


def reads_rows(queries) -> bool:
    return any(ROWS in sql and sql.lstrip().upper().startswith(("SELECT", "WITH")) for sql in queries)


def test_the_api_reads_the_figures_from_the_replica(client, replica, team_a, api_token):
    stored_rows("2019-Q2", [team_a])
    primary, from_replica = run(client, reverse("api-indicators") + "?period=2019-Q2", **auth(api_token))
    assert reads_rows(from_replica)
    assert not reads_rows(primary)


def test_the_dashboards_read_the_figures_from_the_replica(client, replica, team_a, coach_a, beleid):
    stored_rows("2019-Q2", [team_a])
    as_user(client, coach_a)
    primary, from_replica = run(client, reverse("reporting:team_dashboard", args=[team_a.code]) + "?period=2019-Q2")
    assert reads_rows(from_replica) and not reads_rows(primary)
    assert any("django_session" in sql for sql in primary)  # the login is the primary's
    client.logout()
    as_user(client, beleid)
    primary, from_replica = run(client, reverse("reporting:organisation") + "?period=2019-Q2")
    assert reads_rows(from_replica) and not reads_rows(primary)


def test_writes_and_other_pages_stay_on_the_primary(client, replica, team_a, generalist_a):
    as_user(client, generalist_a)
    with CaptureQueriesContext(connections[REPLICA]) as from_replica:
        assert client.get(reverse("cases:my_dossiers")).status_code == 200
        IndicatorRow.objects.count()  # outside a figures request: the primary
    assert from_replica.captured_queries == []


def test_without_a_replica_the_router_leaves_everything_to_default(db):
    assert ReplicaRouter().db_for_read(IndicatorRow) is None
    assert ReplicaRouter().db_for_write(IndicatorRow) is None
