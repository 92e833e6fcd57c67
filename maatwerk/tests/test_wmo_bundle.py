"""wmo_meldingen.csv and the iWmo columns of referrals, products and providers
(wmo-toegang.md "Bundle columns"): the v3 sample imports, exports the same rows and imports
again unchanged; every rule refuses its row; an imported allocation keeps its number and new
ones are numbered above it."""

import csv

import pytest

from exchange.exporter import export_bundle
from exchange.importer import import_bundle
from maatwerk.models import Referral
from tests.bundles import importable_copy
from tests.sample_paths import SAMPLES

pytestmark = pytest.mark.django_db
FILES = ["teams.csv", "referrers.csv", "providers.csv", "products.csv", "clients.csv", "dossiers.csv",
         "dossier_clients.csv", "wmo_meldingen.csv", "referrals.csv"]
CHECKED = ("wmo_meldingen.csv", "referrals.csv", "products.csv", "providers.csv")


def rows(folder, name):
    with (folder / name).open(newline="", encoding="utf-8") as handle:
        return {tuple(sorted((c, v) for c, v in row.items() if v)) for row in csv.DictReader(handle)}


@pytest.fixture
def source(tmp_path):
    return importable_copy(SAMPLES / "v3-bundle", tmp_path / "source", files=FILES)


def test_import_export_import_is_lossless(tmp_path, source):
    assert import_bundle(source).ok
    export_bundle(tmp_path / "out")
    for name in CHECKED:
        exported = rows(tmp_path / "out", name)
        assert rows(source, name) <= exported, name
        if name in ("wmo_meldingen.csv", "referrals.csv"):
            assert rows(source, name) == exported, name
    again = import_bundle(tmp_path / "out")
    assert again.ok and not any(again.changed.values())


def _edit(folder, name, line, **cells):
    path = folder / name
    with path.open(newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    table[line - 2].update(cells)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def _line(folder, name, predicate) -> int:
    with (folder / name).open(newline="", encoding="utf-8") as handle:
        return next(i for i, row in enumerate(csv.DictReader(handle), start=2) if predicate(row))


@pytest.mark.parametrize(("name", "pick", "cells", "column"), [
    ("wmo_meldingen.csv", lambda r: r["verslag_on"], {"verslag_on": "2000-01-01"}, "verslag_on"),
    ("wmo_meldingen.csv", lambda r: True, {"melding_on": "1990-01-01"}, "melding_on"),
    ("referrals.csv", lambda r: r["volume"], {"volume": ""}, "volume"),
    ("referrals.csv", lambda r: r["status"] == "afgewezen", {"allocation_number": "5"}, "allocation_number"),
    ("referrals.csv", lambda r: r["unit"] == "04", {"unit": "16"}, "unit"),
    ("referrals.csv", lambda r: r["frequency"], {"frequency": "3"}, "frequency"),
    ("referrals.csv", lambda r: r["delivery_ended_on"], {"delivery_end_reason": ""}, "delivery_end_reason"),
    ("referrals.csv", lambda r: r["delivery_ended_on"], {"delivery_end_reason": "99"}, "delivery_end_reason"),
    ("referrals.csv", lambda r: r["delivery_started_on"] and r["starts_on"],
     {"delivery_started_on": "2000-01-01"}, "delivery_started_on"),
    ("referrals.csv", lambda r: r["melding_ref"], {"melding_ref": "M-ONBEKEND"}, "melding_ref"),
    ("products.csv", lambda r: True, {"iwmo_category": "19"}, "iwmo_category"),
    ("products.csv", lambda r: True, {"iwmo_code": "123456"}, "iwmo_code"),
    ("providers.csv", lambda r: True, {"agb_code": "1234"}, "agb_code"),
])
def test_each_rule_refuses_its_row(source, name, pick, cells, column):
    line = _line(source, name, pick)
    _edit(source, name, line, **cells)
    result = import_bundle(source)
    assert not result.ok
    assert (name, line, column) in {(p.file, p.line, p.column) for p in result.problems}, result.problems[:5]
    assert not Referral.objects.exists()


def test_a_duplicate_allocation_number_is_refused(source):
    first = _line(source, "referrals.csv", lambda r: r["allocation_number"])
    with (source / "referrals.csv").open(newline="", encoding="utf-8") as handle:
        numbers = [row["allocation_number"] for row in csv.DictReader(handle) if row["allocation_number"]]
    other = _line(source, "referrals.csv", lambda r: r["allocation_number"] == numbers[1])
    _edit(source, "referrals.csv", other, allocation_number=numbers[0])
    result = import_bundle(source)
    assert ("referrals.csv", max(first, other), "allocation_number") in {
        (p.file, p.line, p.column) for p in result.problems}


def test_new_numbers_are_given_above_every_imported_one(source, generalist_a):
    assert import_bundle(source).ok
    highest = max(Referral.objects.exclude(allocation_number=None).values_list("allocation_number", flat=True))
    from maatwerk.allocation import next_allocation_number

    assert next_allocation_number() == highest + 1
