"""appointments.csv (docs/appointments-bundle.md): the sample imports, every rule is reported
at once with nothing stored, and import -> export -> import is lossless."""

import csv
import shutil
from pathlib import Path

import pytest

from agenda.models import Appointment
from exchange.exporter import export_bundle
from exchange.importer import import_bundle
from tests.bundles import importable_copy
from tests.sample_paths import SAMPLES

pytestmark = pytest.mark.django_db
OWN = Path(__file__).resolve().parent / "samples" / "appointments.csv"
FILES = ["teams.csv", "referrers.csv", "clients.csv", "dossiers.csv", "dossier_clients.csv"]


def _bundle(tmp_path) -> Path:
    bundle = importable_copy(SAMPLES / "v3-bundle", tmp_path / "in", files=FILES)
    shutil.copy(OWN, bundle / "appointments.csv")
    return bundle


def _rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_round_trip_is_lossless(tmp_path, generalist_a):
    bundle = _bundle(tmp_path)
    rows = _rows(bundle / "appointments.csv")
    rows[1]["workers"] = f"{generalist_a.username};overvecht-centrum-mw02"  # one known user, one source name
    _write(bundle / "appointments.csv", rows)
    result = import_bundle(bundle)
    assert result.ok, result.problems
    assert Appointment.objects.count() == 4
    second = Appointment.objects.get(ref="A000002")
    assert list(second.workers.all()) == [generalist_a] and second.worker_refs == "overvecht-centrum-mw02"
    export_bundle(tmp_path / "out")
    exported = {r["appointment_ref"]: r for r in _rows(tmp_path / "out" / "appointments.csv")}
    for row in rows:
        assert exported[row["appointment_ref"]] == {**row, "workers": ";".join(sorted(row["workers"].split(";")))}
    before = list(Appointment.objects.order_by("ref").values())
    again = import_bundle(tmp_path / "out")
    assert again.ok and again.changed.get("appointments.csv", 0) == 0
    assert list(Appointment.objects.order_by("ref").values()) == before


def test_every_rule_is_reported_and_nothing_stored(tmp_path):
    bundle = _bundle(tmp_path)
    rows = _rows(bundle / "appointments.csv")
    rows[0]["ends_at"] = rows[0]["starts_at"]  # not after the start
    rows[1]["member_refs"] = "K000003"  # not a member of B000001
    rows[2]["cancelled_by"] = ""  # required with afgezegd
    rows[3]["starts_at"] = "2017-11-09 16:00"  # no offset
    rows.append({**rows[0], "appointment_ref": "A000009", "ends_at": "2020-02-17T11:00:00+01:00",
                 "starts_at": "2020-02-01T10:00:00+01:00"})  # before registration (and another day)
    _write(bundle / "appointments.csv", rows)
    result = import_bundle(bundle)
    places = {(p.file, p.line, p.column) for p in result.problems}
    assert {("appointments.csv", 2, "ends_at"), ("appointments.csv", 3, "member_refs"),
            ("appointments.csv", 4, "cancelled_by"), ("appointments.csv", 5, "starts_at"),
            ("appointments.csv", 6, "starts_at")} <= places
    assert not result.ok and Appointment.objects.count() == 0
