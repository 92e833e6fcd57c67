"""Helpers for the bundle tests (this module holds no tests): the shared sample bundle,
editing its files, running the import command and checking that nothing was stored."""

import csv
import datetime as dt
import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from django.core.management import CommandError, call_command
from django.utils import timezone

from cases.models import Client, Dossier, DossierMember, DossierSafeguard, Referrer, Team
from maatwerk.models import Product, Provider, Referral
from tests.sample_paths import SAMPLE_BUNDLE
from zrm.models import Measurement

SAMPLE = SAMPLE_BUNDLE

# Every table an import writes to.
MODELS = {
    "teams.csv": Team,
    "referrers.csv": Referrer,
    "providers.csv": Provider,
    "products.csv": Product,
    "clients.csv": Client,
    "dossiers.csv": Dossier,
    "dossier_clients.csv": DossierMember,
    "dossier_safeguards.csv": DossierSafeguard,
    "zrm.csv": Measurement,
    "referrals.csv": Referral,
}
PROBLEM = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+): (?P<column>[^:]+): (?P<message>.+)$")


def counts() -> dict[str, int]:
    return {name: model.objects.count() for name, model in MODELS.items()}


def snapshot() -> dict[str, list[dict]]:
    """Every row of every table an import writes, every column (timestamps included)."""
    return {name: list(model.objects.order_by("pk").values()) for name, model in MODELS.items()}


def today() -> dt.date:
    return timezone.localdate()


# ---- bundle files --------------------------------------------------------------------------


def copy_sample(tmp_path: Path, name: str = "bundle") -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / name))


def read_rows(bundle: Path, name: str) -> tuple[list[str], list[dict]]:
    """(header, rows as dicts) of one file."""
    with (bundle / name).open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(bundle: Path, name: str, header, rows) -> None:
    """Write a file; rows are dicts (missing keys are empty) or lists."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(c, "") for c in header] if isinstance(row, dict) else row)
    (bundle / name).write_text(buffer.getvalue(), encoding="utf-8")


def find(bundle: Path, name: str, predicate=lambda row: True) -> tuple[int, dict]:
    """(line number, row) of the first data row matching predicate (line 2 is the first data row)."""
    _header, rows = read_rows(bundle, name)
    for index, row in enumerate(rows):
        if predicate(row):
            return index + 2, row
    raise AssertionError(f"no row in {name} matches")


def set_cells(bundle: Path, name: str, line: int, /, **cells) -> dict:
    """Change cells of the row on ``line``; returns the row as it was."""
    header, rows = read_rows(bundle, name)
    old = dict(rows[line - 2])
    rows[line - 2].update({column: str(value) for column, value in cells.items()})
    write_rows(bundle, name, header, rows)
    return old


def append_row(bundle: Path, name: str, /, **cells) -> int:
    """Append a row; returns its line number."""
    header, rows = read_rows(bundle, name)
    rows.append({column: str(value) for column, value in cells.items()})
    write_rows(bundle, name, header, rows)
    return len(rows) + 1


def replace_line(bundle: Path, name: str, line: int, text: str) -> str:
    """Replace one physical line with raw text (for encoding and quoting errors); returns the old line."""
    lines = (bundle / name).read_bytes().split(b"\n")
    old = lines[line - 1].decode("utf-8")
    ending = "\r" if old.endswith("\r") else ""  # the sample has CRLF line ends
    lines[line - 1] = (text + ending).encode("utf-8")
    (bundle / name).write_bytes(b"\n".join(lines))
    return old.removesuffix("\r")


def edit_line(bundle: Path, name: str, line: int, old: str, new: str, encoding: str = "utf-8") -> None:
    """Replace ``old`` by ``new`` in one physical line, writing ``new`` in ``encoding``."""
    lines = (bundle / name).read_bytes().split(b"\n")
    assert old.encode("utf-8") in lines[line - 1], (old, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old.encode("utf-8"), new.encode(encoding), 1)
    (bundle / name).write_bytes(b"\n".join(lines))


def dossier(bundle: Path, ref: str) -> dict:
    return find(bundle, "dossiers.csv", lambda row: row["dossier_ref"] == ref)[1]


def day_before(value: str) -> str:
    return (dt.date.fromisoformat(value) - dt.timedelta(days=1)).isoformat()


# ---- running the command ---------------------------------------------------------------------


@dataclass
class Outcome:
    ok: bool
    stdout: str
    stderr: str
    error: str

    @property
    def problems(self) -> list[tuple[str, int, str, str]]:
        """(file, line, column, message) of every problem line printed."""
        found = []
        for text in self.stderr.splitlines():
            match = PROBLEM.match(text)
            if match:
                found.append((match["file"], int(match["line"]), match["column"], match["message"]))
        return found

    @property
    def places(self) -> set[tuple[str, int, str]]:
        return {(file, line, column) for file, line, column, _message in self.problems}


def run_import(path: Path, *args: str) -> Outcome:
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import_bundle", str(path), *args, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return Outcome(False, stdout.getvalue(), stderr.getvalue(), str(error))
    return Outcome(True, stdout.getvalue(), stderr.getvalue(), "")


def assert_refused(path: Path, *places: tuple[str, int, str], exact: bool = True) -> Outcome:
    """The import exits with CommandError, prints every expected ``file:line: column:`` (and,
    when ``exact``, nothing else), shows no traceback and stores nothing."""
    before = snapshot()
    outcome = run_import(path)
    assert not outcome.ok, outcome.stdout
    output = outcome.stdout + outcome.stderr + outcome.error
    assert "Traceback" not in output
    expected = set(places)
    if exact:
        assert outcome.places == expected, outcome.stderr
    else:
        assert expected <= outcome.places, outcome.stderr
    # every line of the report is a problem line
    assert len(outcome.problems) == len([line for line in outcome.stderr.splitlines() if line.strip()])
    assert all(message.strip() for *_place, message in outcome.problems)
    assert snapshot() == before, "nothing may be stored"
    return outcome
