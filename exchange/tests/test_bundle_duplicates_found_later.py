"""Duplicate keys found when a file is done (``exchange.keys``, ``BundleParser.repeated``):
every repeat is reported once, on its own line, naming the first line; a hash shared by two
different keys is not a duplicate; a repeated measurement is not also "a second nulmeting"."""

import tracemalloc
from pathlib import Path

import pytest

from exchange.importer import import_bundle
from exchange.keys import KeyCheck, duplicates
from exchange.tests.test_bundle_helpers import copy_sample, read_rows, write_rows
from tests.bundles import importable_copy
from tests.sample_paths import SAMPLES

pytestmark = pytest.mark.django_db


def problems_of(bundle: Path) -> list[tuple[str, int, str, str]]:
    return [(p.file, p.line, p.column, p.message) for p in import_bundle(bundle, dry_run=True).problems]


def repeat_first_row(bundle: Path, name: str, times: int = 1) -> int:
    """Append the first data row (line 2) ``times`` more; returns the first appended line."""
    header, rows = read_rows(bundle, name)
    first_new = len(rows) + 2
    rows.extend(dict(rows[0]) for _ in range(times))
    write_rows(bundle, name, header, rows)
    return first_new


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("actions.csv", "action_ref"),  # a key check in 8 bytes a key (exchange.keys)
        ("network.csv", "contact_ref"),
        ("short_contacts.csv", "contact_ref"),
        ("goals.csv", "goal_ref"),  # a set of keys, the first line found again
        ("wmo_meldingen.csv", "melding_ref"),
    ],
)
def test_each_repeat_names_the_first_line(tmp_path, name, column):
    bundle = importable_copy(SAMPLES / "v3-bundle", tmp_path / "bundle")
    line = repeat_first_row(bundle, name, times=2)
    found = [p for p in problems_of(bundle) if p[3].startswith("dubbele sleutel")]
    assert [(p[0], p[1], p[2]) for p in found] == [(name, line, column), (name, line + 1, column)]
    assert all("(ook op regel 2)" in p[3] for p in found)


def test_a_repeated_measurement_is_reported_once(tmp_path):
    """The repeat of a nulmeting is a duplicate key, not also a second nulmeting."""
    bundle = copy_sample(tmp_path)
    header, rows = read_rows(bundle, "zrm.csv")
    index = next(i for i, row in enumerate(rows) if row["type"] == "nulmeting")
    rows.append(dict(rows[index]))
    write_rows(bundle, "zrm.csv", header, rows)
    assert problems_of(bundle) == [
        ("zrm.csv", len(rows) + 1, "measurement_ref",
         f"dubbele sleutel {rows[index]['measurement_ref']!r} (ook op regel {index + 2})"),
    ]


def test_a_repeated_member_names_the_first_line(tmp_path):
    bundle = copy_sample(tmp_path)
    line = repeat_first_row(bundle, "dossier_clients.csv")
    assert problems_of(bundle) == [
        ("dossier_clients.csv", line, "client_ref", "dit gezinslid staat er twee keer in (ook op regel 2)"),
    ]


def test_problems_come_by_file_then_line(tmp_path):
    bundle = importable_copy(SAMPLES / "v3-bundle", tmp_path / "bundle")
    repeat_first_row(bundle, "actions.csv")
    header, rows = read_rows(bundle, "actions.csv")
    rows[1]["kanteling"] = "onbekend"  # line 3: found while reading, before the repeat at the end
    write_rows(bundle, "actions.csv", header, rows)
    lines = [p[1] for p in problems_of(bundle) if p[0] == "actions.csv"]
    assert lines == [3, len(rows) + 1]


def test_a_shared_hash_is_not_a_duplicate():
    """Two keys may share a 64-bit hash: the second reading compares the keys themselves."""
    rows = [(2, ["A1"]), (3, ["B7"]), (4, ["A1"])]
    collided = {hash("A1"), hash("B7")}  # as if B7 had A1's hash
    assert duplicates(iter(rows), 0, collided) == {4: ("A1", 2)}


def test_suspects_are_the_hashes_added_twice():
    check = KeyCheck("actions.csv", "action_ref")
    for key in ("A1", "A2", "A3", "A2"):
        check.add(key)
    assert check.suspects() == {hash("A2")}


def test_a_key_costs_about_eight_bytes():
    """200,000 keys: a dict of key -> line took about 25 MB (the keys, their lines and the
    table), the key check holds 8 bytes a key plus its 256 arrays' slack."""
    keys = [f"M{n:09d}" for n in range(200_000)]  # made before tracing: the file's cells
    tracemalloc.start()
    try:
        check = KeyCheck("zrm.csv", "measurement_ref")
        for key in keys:
            check.add(key)
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held < 2_500_000, held
