"""A bundle may be a .zip: its files at the root or inside one folder."""

import zipfile

import pytest

from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import (
    MODELS,
    SAMPLE,
    assert_refused,
    copy_sample,
    counts,
    run_import,
    set_cells,
)

pytestmark = pytest.mark.django_db


def make_zip(path, folder, prefix="", extra=()):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if prefix:
            archive.writestr(zipfile.ZipInfo(prefix), b"")  # the folder entry itself
        for file in sorted(folder.iterdir()):
            archive.write(file, prefix + file.name)
        for name, data in extra:
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("prefix", ["", "small-bundle/"], ids=["files at the root", "files in one folder"])
def test_zip_bundle_imports_like_the_folder(tmp_path, prefix):
    before = counts()
    path = make_zip(tmp_path / "bundle.zip", SAMPLE, prefix)
    outcome = run_import(path)
    assert outcome.ok, outcome.stderr
    after = counts()
    assert after["dossiers.csv"] - before["dossiers.csv"] == 400
    assert after["zrm.csv"] - before["zrm.csv"] == 890
    assert all(import_bundle(path).changed[name] == 0 for name in MODELS)


def test_zip_made_on_a_mac(tmp_path):
    """macOS adds __MACOSX/ resource forks and ._ files: they are not part of the bundle."""
    path = make_zip(tmp_path / "bundle.zip", SAMPLE, "export/", extra=[
        ("__MACOSX/export/._dossiers.csv", b"\x00\x05\x16\x07"), ("export/._zrm.csv", b"\x00"),
        ("export/LEESMIJ.txt", b"uitleg"),
    ])
    assert run_import(path, "--dry-run").ok


def test_problems_in_a_zip_are_reported_by_file_name(tmp_path):
    bundle = copy_sample(tmp_path)
    set_cells(bundle, "clients.csv", 2, gender="man")
    path = make_zip(tmp_path / "bundle.zip", bundle, "bundel/")
    assert_refused(path, ("clients.csv", 2, "gender"))


def test_the_same_file_twice_in_a_zip(tmp_path):
    second_copy = ("b/dossiers.csv", (SAMPLE / "dossiers.csv").read_bytes())
    path = make_zip(tmp_path / "bundle.zip", SAMPLE, "a/", extra=[second_copy])
    assert_refused(path, ("dossiers.csv", 0, "-"))


def test_a_damaged_zip(tmp_path):
    path = make_zip(tmp_path / "bundle.zip", SAMPLE)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("dossiers.csv")
    start = info.header_offset + 30 + len(info.filename) + 20  # inside the compressed data
    data[start:start + 40] = bytes(40)
    path.write_bytes(bytes(data))
    outcome = assert_refused(path, ("dossiers.csv", 0, "-"), exact=False)
    assert {p for p in outcome.places if p[0] == "dossiers.csv"} == {("dossiers.csv", 0, "-")}


def test_a_file_that_is_not_a_zip(tmp_path):
    path = tmp_path / "bundle.zip"
    path.write_bytes(b"PK not really a zip")
    assert_refused(path, ("bundle.zip", 0, "-"))
