"""Bundle files and headers: a missing dossiers.csv, unknown files, unknown, missing or
repeated columns, an empty file, a path that is no bundle. Each is reported as
``file:line: column: message``, the command fails and nothing is stored."""

import shutil
from pathlib import Path

import pytest

from exchange.registry import files
from exchange.tests.test_bundle_helpers import (
    SAMPLE,
    assert_refused,
    copy_sample,
    read_rows,
    run_import,
    write_rows,
)

pytestmark = pytest.mark.django_db
PLAN_SAMPLE = SAMPLE.parent / "plan-bundle"  # v1 and the plan.md files
V3_SAMPLE = SAMPLE.parent / "v3-bundle"  # and the files of the v3 specs (wmo_meldingen.csv, ...)
# the front door's files refer to each other (front-door.md)
FRONT_DOOR = {"team_areas.csv": ("wmo_meldingen.csv",), "short_contacts.csv": ("wmo_meldingen.csv", "team_areas.csv"),
              "signals.csv": ("wmo_meldingen.csv", "team_areas.csv", "short_contacts.csv"),
              "signal_attempts.csv": ("wmo_meldingen.csv", "team_areas.csv", "short_contacts.csv", "signals.csv")}
# files specified in our own docs/ (appointments.csv: docs/appointments-bundle.md), on top of the v3 sample
OWN_SAMPLES = Path(__file__).resolve().parents[2] / "agenda" / "tests" / "samples"


def bundle_holding(tmp_path, name):
    """The small sample, or the plan sample for a file only it holds (without the files of
    apps this installation does not have)."""
    if (SAMPLE / name).exists():
        return copy_sample(tmp_path)
    if not (PLAN_SAMPLE / name).exists():
        from tests.bundles import importable_copy

        # only the files this name depends on (zrm.csv carries domain columns of instruments not installed)
        if (OWN_SAMPLES / name).exists():
            bundle = importable_copy(V3_SAMPLE, tmp_path / "bundle", files=[
                "teams.csv", "referrers.csv", "clients.csv", "dossiers.csv", "dossier_clients.csv"])
            shutil.copy(OWN_SAMPLES / name, bundle / name)
            return bundle
        return importable_copy(V3_SAMPLE, tmp_path / "bundle", files=[
            "teams.csv", "referrers.csv", "providers.csv", "products.csv", "clients.csv", "dossiers.csv",
            "dossier_clients.csv", name, "referrals.csv", *FRONT_DOOR.get(name, ())])
    bundle = Path(shutil.copytree(PLAN_SAMPLE, tmp_path / "bundle"))
    known = {spec.name for spec in files()}
    for path in bundle.iterdir():
        if path.name not in known:
            path.unlink()
    return bundle


def test_missing_dossiers_csv(tmp_path):
    bundle = copy_sample(tmp_path)
    (bundle / "dossiers.csv").unlink()
    outcome = assert_refused(bundle, ("dossiers.csv", 0, "-"), exact=False)
    # the other files name dossiers that now exist nowhere: those are reported too
    assert ("dossier_clients.csv", 2, "dossier_ref") in outcome.places


def test_only_dossiers_csv_is_required(tmp_path):
    bundle = copy_sample(tmp_path)
    for name in ("clients.csv", "dossier_clients.csv", "dossier_safeguards.csv", "zrm.csv", "referrals.csv"):
        (bundle / name).unlink()
    assert run_import(bundle, "--dry-run").ok


def test_unknown_file(tmp_path):
    bundle = copy_sample(tmp_path)
    (bundle / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert_refused(bundle, ("notes.csv", 0, "-"))


def test_files_that_are_not_csv_are_ignored(tmp_path):
    bundle = copy_sample(tmp_path)
    (bundle / "README.txt").write_text("Export van 2019", encoding="utf-8")
    assert run_import(bundle, "--dry-run").ok


@pytest.mark.parametrize("name", [spec.name for spec in files()])
def test_unknown_column(tmp_path, name):
    bundle = bundle_holding(tmp_path, name)
    header, rows = read_rows(bundle, name)
    write_rows(bundle, name, [*header, "remarks"], rows)
    # only the header is reported: references into the unreadable file are not reported as missing
    assert_refused(bundle, (name, 1, "remarks"))


@pytest.mark.parametrize(
    ("name", "column"), [(spec.name, column) for spec in files() for column in spec.required],
)
def test_missing_required_column(tmp_path, name, column):
    bundle = bundle_holding(tmp_path, name)
    header, rows = read_rows(bundle, name)
    write_rows(bundle, name, [c for c in header if c != column], rows)
    assert_refused(bundle, (name, 1, column))


def test_missing_optional_column_is_fine(tmp_path):
    bundle = copy_sample(tmp_path)
    header, rows = read_rows(bundle, "clients.csv")
    write_rows(bundle, "clients.csv", [c for c in header if c != "postcode"], rows)
    assert run_import(bundle, "--dry-run").ok


def test_column_twice(tmp_path):
    bundle = copy_sample(tmp_path)
    header, rows = read_rows(bundle, "teams.csv")
    write_rows(bundle, "teams.csv", [*header, "name"], [[*r.values(), r["name"]] for r in rows])
    assert_refused(bundle, ("teams.csv", 1, "-"))


def test_empty_file(tmp_path):
    bundle = copy_sample(tmp_path)
    (bundle / "referrers.csv").write_bytes(b"")
    # the dossiers naming referrers are not reported: the referrers file could not be read
    assert_refused(bundle, ("referrers.csv", 1, "-"))


def test_header_only_file_is_fine(tmp_path):
    bundle = copy_sample(tmp_path)
    (bundle / "dossier_safeguards.csv").write_text("dossier_ref,safeguard\n", encoding="utf-8")
    outcome = run_import(bundle, "--dry-run")
    assert outcome.ok, outcome.stderr


@pytest.mark.parametrize("kind", ["missing", "csv file"])
def test_path_that_is_no_bundle(tmp_path, kind):
    path = tmp_path / "dossiers.csv"
    if kind == "csv file":
        path.write_text("dossier_ref,team,registered_on\n", encoding="utf-8")
    assert_refused(path, ("dossiers.csv", 0, "-"))
