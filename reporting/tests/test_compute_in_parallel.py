"""On PostgreSQL, outside a transaction, the families are computed in groups at once, each
group in a database connection of its own (INDICATOR_CONNECTIONS, docs/adr/0130); the rows
are exactly those computed one family after another in one connection. Inside a transaction
the computation stays in that transaction's connection, where its writes are visible."""

import pytest
from django.db import connection, transaction

from exchange.importer import import_bundle
from reporting.compute import FAMILIES, GROUPS, compute_rows, expand, in_parallel
from tests import reference_data
from tests.sample_paths import SAMPLES

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    """The instruments the bundles' measurements name, gone after another test's flush."""
    reference_data.restore()


def _rows(periods):
    rows = [(r.period, r.team_id, r.indicator, r.dimension, r.value, r.count) for r in compute_rows(periods)]
    assert len(rows) == len(set(rows))
    return set(rows)


def test_the_groups_hold_every_family_once():
    grouped = [family.__name__ for families, _clients in GROUPS for family in families]
    assert sorted(grouped) == sorted(family.__name__ for family in FAMILIES)


def test_parallel_rows_equal_serial_rows(settings):
    if connection.vendor != "postgresql":
        pytest.skip("the groups run at once on PostgreSQL only")
    assert import_bundle(SAMPLES / "plan-bundle").ok
    periods = expand(["2019-Q2", "2019-H1", "2019"])
    settings.INDICATOR_CONNECTIONS = 2
    assert in_parallel()
    together = _rows(periods)
    settings.INDICATOR_CONNECTIONS = 1
    assert not in_parallel()
    assert together == _rows(periods)
    assert {r[2] for r in together} >= {"dossiers_active", "zrm_change_mean", "clients_active_gender",
                                         "network_mapped_pct", "missing_baseline_pct"}


def test_inside_a_transaction_the_computation_sees_its_writes(settings):
    settings.INDICATOR_CONNECTIONS = 2
    periods = expand(["2019-Q2"])
    with transaction.atomic():
        assert import_bundle(SAMPLES / "plan-bundle").ok
        assert not in_parallel()
        active = {r[1]: r[4] for r in _rows(periods) if r[0] == "2019-Q2" and r[2] == "dossiers_active"}
    assert active[None] > 0
