"""import -> export -> import is lossless: the export of an imported bundle holds the same
rows (catalogue files may hold more: the shipped starter referrers and maatwerk catalogue),
and importing that export into a fresh database and exporting again gives the same files."""

import csv
import io
import zipfile

import pytest
from django.core.management import call_command
from django.db import transaction

from cases.factories import UserFactory
from cases.models import Dossier
from exchange.exporter import export_bundle
from exchange.importer import import_bundle
from exchange.registry import export_columns
from exchange.tests.test_bundle_helpers import MODELS, copy_sample, counts, find, read_rows, set_cells

pytestmark = pytest.mark.django_db

CATALOGUES = {"referrers.csv", "providers.csv", "products.csv"}


def rows_of(bundle, name) -> tuple[list[str], set[tuple]]:
    """(header, rows as sets of (column, value) with the empty cells left out)."""
    header, rows = read_rows(bundle, name)
    return header, {tuple(sorted((c, v) for c, v in row.items() if v != "")) for row in rows}


def lines_of(bundle, name) -> tuple[str, list[str]]:
    with (bundle / name).open(newline="", encoding="utf-8") as handle:
        header, *rows = handle.read().splitlines()
    return header, sorted(rows)


@pytest.fixture
def source(tmp_path):
    """The sample, plus lead workers (a user of the system and a worker it does not know),
    a household-level referral and one without a form."""
    UserFactory(username="noord-1")
    bundle = copy_sample(tmp_path, "source")
    set_cells(bundle, "dossiers.csv", 2, lead_worker="noord-1")
    set_cells(bundle, "dossiers.csv", 3, lead_worker="KTSD-medewerker-17")
    line, _row = find(bundle, "referrals.csv", lambda r: r["client_ref"])
    set_cells(bundle, "referrals.csv", line, client_ref="", form="")
    return bundle


def test_import_export_import_is_lossless(tmp_path, source):
    fresh = counts()
    first = tmp_path / "first"
    with transaction.atomic():
        assert import_bundle(source).stored
        call_command("export_bundle", str(first), stdout=io.StringIO())
        transaction.set_rollback(True)  # back to a fresh database
    assert counts() == fresh

    for name in MODELS:
        header, exported = rows_of(first, name)
        assert header[:len(export_columns()[name])] == list(export_columns()[name])
        _header, original = rows_of(source, name)
        if name in CATALOGUES:
            assert original <= exported, name
        else:
            assert exported == original, name

    assert import_bundle(first).stored
    assert Dossier.objects.get(ref="S0000").lead_worker.username == "noord-1"
    assert Dossier.objects.get(ref="S0001").lead_worker_ref == "KTSD-medewerker-17"
    second = tmp_path / "second.zip"
    export_bundle(second)
    unpacked = tmp_path / "second"
    with zipfile.ZipFile(second) as archive:
        archive.extractall(unpacked)
    for name in MODELS:
        assert lines_of(unpacked, name) == lines_of(first, name), name  # row order may differ
    assert all(count == 0 for count in import_bundle(second).changed.values())


def test_export_uses_the_import_format(tmp_path, source):
    assert import_bundle(source).stored
    counts_by_file = export_bundle(tmp_path / "export")
    assert counts_by_file["dossiers.csv"] == 400
    with (tmp_path / "export" / "zrm.csv").open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    source_header = read_rows(source, "zrm.csv")[0]
    # the domains of zrm-2013, in the instrument's order, after the fixed columns (scored_with: client-voice.md)
    assert header == [*source_header[:6], "scored_with", *source_header[6:]]
