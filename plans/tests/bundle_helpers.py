"""Helpers for the plan bundle tests (no tests here): an importable copy of the public
plan-bundle sample and editing its files."""

import csv
from pathlib import Path

import tests.bundles
from tests.sample_paths import SAMPLES

BUNDLE = SAMPLES / "plan-bundle"
PLAN_FILES = ("plans.csv", "goals.csv", "actions.csv", "network.csv")


def importable_copy(target: Path) -> Path:
    """The plan-bundle sample with only the files and columns the installed apps describe."""
    return tests.bundles.importable_copy(BUNDLE, target)


def read(bundle: Path, name: str) -> tuple[list[str], list[dict]]:
    with (bundle / name).open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def write(bundle: Path, name: str, header: list[str], rows: list[dict]) -> None:
    with (bundle / name).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
