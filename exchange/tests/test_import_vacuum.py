"""After a bulk import outside a transaction, PostgreSQL's tables are vacuumed as well as
analysed (autovacuum may be off): the imported rows are marked visible to all, which only
VACUUM does. Inside a transaction VACUUM cannot run, so the import only analyses."""

import pytest
from django.db import connection, transaction

from exchange.importer import import_bundle
from tests import reference_data
from tests.sample_paths import SAMPLE_BUNDLE


def _all_visible_pages(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relallvisible FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    """The instruments the bundles' measurements name, gone after another test's flush."""
    reference_data.restore()


@pytest.fixture(autouse=True)
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("VACUUM is PostgreSQL's")


def test_an_import_outside_a_transaction_vacuums():
    assert _all_visible_pages("cases_dossier") == 0
    result = import_bundle(SAMPLE_BUNDLE)
    assert result.changed["dossiers.csv"] > 0
    assert _all_visible_pages("cases_dossier") > 0


def test_an_import_inside_a_transaction_only_analyses():
    with transaction.atomic():
        result = import_bundle(SAMPLE_BUNDLE)
    assert result.changed["dossiers.csv"] > 0
    assert _all_visible_pages("cases_dossier") == 0
