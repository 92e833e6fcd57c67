"""Bundles built to hurt: a zip bomb, a zip with thousands of entries, links to files
outside the bundle, a NUL byte in a cell. Each is refused before it costs memory or
shows anything it should not, as ``file:line: column: message``, storing nothing."""

import os
import stat
import zipfile

import pytest

from exchange.tests.test_bundle_helpers import assert_refused, copy_sample, find, set_cells
from exchange.tests.test_bundle_zip import make_zip

pytestmark = pytest.mark.django_db


def test_a_zip_that_unpacks_beyond_the_limit_is_refused_before_unpacking(tmp_path, settings, monkeypatch):
    settings.BUNDLE_MAX_UNPACKED_BYTES = 5 * 1024 * 1024
    bundle = copy_sample(tmp_path)
    path = tmp_path / "bomb.zip"
    make_zip(path, bundle)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("clients-copy.csv", b"0" * (6 * 1024 * 1024))  # compresses to a few kB
    assert path.stat().st_size < 300_000
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *args, **kwargs: opened.append(args) or None)
    outcome = assert_refused(path, ("bomb.zip", 0, "-"), exact=False)
    assert "5,0\xa0MB" in outcome.stderr, outcome.stderr  # the limit, in the user's language
    assert opened == []  # nothing was unpacked


def test_a_zip_entry_that_unpacks_to_more_than_it_declares_is_cut_off(tmp_path):
    bundle = copy_sample(tmp_path)
    path = make_zip(tmp_path / "liar.zip", bundle)
    # Make the directory declare dossiers.csv smaller than it is (as a crafted bomb does).
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("dossiers.csv")
    name = b"dossiers.csv"
    entry = data.find(b"PK\x01\x02", 0)
    while data[entry + 46:entry + 46 + len(name)] != name:
        entry = data.find(b"PK\x01\x02", entry + 4)
    data[entry + 24:entry + 28] = (100).to_bytes(4, "little")  # uncompressed size in the directory
    path.write_bytes(bytes(data))
    assert info.file_size > 100
    # Refused by our cap or by zipfile's own size check, whichever comes first: never read on.
    assert_refused(path, ("dossiers.csv", 0, "-"))


def test_a_zip_with_too_many_entries_is_refused(tmp_path):
    path = make_zip(tmp_path / "many.zip", copy_sample(tmp_path), extra=[(f"x/{i}.txt", b"") for i in range(100)])
    outcome = assert_refused(path, ("many.zip", 0, "-"))
    assert "ten hoogste 64" in outcome.stderr, outcome.stderr


def test_a_link_in_a_folder_bundle_is_refused_and_never_read(tmp_path):
    bundle = copy_sample(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:geheim\n")
    os.remove(bundle / "clients.csv")
    os.symlink(secret, bundle / "clients.csv")
    outcome = assert_refused(bundle, ("clients.csv", 0, "-"), exact=False)
    assert "geheim" not in outcome.stdout + outcome.stderr + outcome.error
    assert "koppelingen" in outcome.stderr, outcome.stderr


def test_a_linked_bundle_folder_is_refused(tmp_path):
    bundle = copy_sample(tmp_path)
    os.symlink(bundle, tmp_path / "link")
    assert_refused(tmp_path / "link", ("link", 0, "-"))


def test_a_link_inside_a_zip_is_refused(tmp_path):
    path = make_zip(tmp_path / "links.zip", copy_sample(tmp_path))
    link = zipfile.ZipInfo("notes.csv")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(link, "/etc/passwd")
    outcome = assert_refused(path, ("notes.csv", 0, "-"))
    assert "root:" not in outcome.stderr


def test_a_nul_byte_in_a_cell_is_a_problem_of_that_cell(tmp_path):
    bundle = copy_sample(tmp_path)
    line, row = find(bundle, "teams.csv")
    set_cells(bundle, "teams.csv", line, name=row["name"] + "\x00")
    assert_refused(bundle, ("teams.csv", line, "name"))
