"""Upgrading a database from before the exchange app: the uploaded bundles' rows stay
(the model moved from cases to exchange; its table did not)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("cases", "0005_bundle_import"), ("exchange", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_an_existing_bundle_import_row_survives_the_move(django_user_model):
    user = django_user_model.objects.create_user("beheer-oud")
    leaves = _leaves()
    _migrate(BEFORE)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO cases_bundleimport (file, original_name, size, status, uploaded_by_id, uploaded_at, "
                "problems, problem_count, rows_read, changed, progress) "
                "VALUES ('imports/x.zip', 'oud.zip', 10, 'done', %s, CURRENT_TIMESTAMP, '', 0, '{}', '{}', '')",
                [user.pk],
            )
    finally:
        _migrate(leaves)

    from exchange.models import BundleImport

    job = BundleImport.objects.get()
    assert (job.original_name, job.status, job.uploaded_by_id) == ("oud.zip", "done", user.pk)
