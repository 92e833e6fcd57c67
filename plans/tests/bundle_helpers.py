"""Helpers for the plan bundle tests (no tests here): an importable copy of the public
plan-bundle sample and editing its files."""

import csv
import shutil
from pathlib import Path

from exchange import registry
from tests.sample_paths import SAMPLES

BUNDLE = SAMPLES / "plan-bundle"
PLAN_FILES = ("plans.csv", "goals.csv", "actions.csv", "network.csv")


def importable_copy(target: Path) -> Path:
    """The sample with only the files and columns the installed apps describe (journal.csv,
    consents.csv and dossiers.csv's recorded-on columns arrive with other v2 issues)."""
    target.mkdir(parents=True, exist_ok=True)
    specs = registry.files_by_name()
    for path in BUNDLE.iterdir():
        spec = specs.get(path.name)
        if spec is None:
            continue
        with path.open(newline="", encoding="utf-8") as source:
            rows = list(csv.reader(source))
        keep = [i for i, column in enumerate(rows[0]) if column in spec.columns or spec.extra_columns]
        if len(keep) == len(rows[0]):
            shutil.copy(path, target / path.name)
            continue
        with (target / path.name).open("w", newline="", encoding="utf-8") as out:
            csv.writer(out, lineterminator="\n").writerows([[row[i] for i in keep] for row in rows])
    return target


def read(bundle: Path, name: str) -> tuple[list[str], list[dict]]:
    with (bundle / name).open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def write(bundle: Path, name: str, header: list[str], rows: list[dict]) -> None:
    with (bundle / name).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
