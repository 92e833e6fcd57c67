"""On PostgreSQL the database itself refuses to change or delete a frozen version or its
rows (reporting/migrations/0005, docs/adr/0060), whatever path the change takes."""

import pytest
from django.db import DatabaseError, connection, transaction

from reporting.freezing import freeze_period
from reporting.models import FrozenRow, FrozenVersion
from reporting.tests.frozen_helpers import computed_rows


@pytest.fixture
def version(postgres_only, team_a):
    computed_rows("2019-05", [team_a])
    return freeze_period("2019-05")[0]


@pytest.mark.parametrize("change", [
    lambda v: FrozenRow.objects.filter(version=v).update(value=1.0),
    lambda v: FrozenRow.objects.filter(version=v).delete(),
    lambda v: FrozenVersion.objects.filter(pk=v.pk).update(number=7),
    lambda v: FrozenVersion.objects.filter(pk=v.pk).update(frozen_by_name="someone else"),
    lambda v: FrozenRow.objects.filter(version=v).first().save(),
])
def test_orm_changes_are_refused(version, change):
    before = list(FrozenRow.objects.filter(version=version).values_list())
    with pytest.raises(DatabaseError, match="A frozen version never changes"), transaction.atomic():
        change(version)
    assert list(FrozenRow.objects.filter(version=version).values_list()) == before
    assert FrozenVersion.objects.get(pk=version.pk).number == 1


@pytest.mark.parametrize("sql", [
    "UPDATE reporting_frozenrow SET count = count + 1",
    "DELETE FROM reporting_frozenrow",
    "DELETE FROM reporting_frozenversion",
])
def test_raw_sql_is_refused(version, sql):
    with pytest.raises(DatabaseError, match="never changes"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert FrozenRow.objects.filter(version=version).count() == version.row_count == 4


def test_a_new_version_can_still_be_added(version):
    assert freeze_period("2019-05")[0].number == 2
