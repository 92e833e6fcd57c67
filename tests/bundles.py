"""Importable copies of the public sample bundles for the tests (no tests here)."""

import csv
import shutil
from collections.abc import Iterable
from pathlib import Path

from exchange import registry


def importable_copy(source: Path, target: Path, *, files: Iterable[str] | None = None) -> Path:
    """A copy of the bundle ``source`` in ``target`` with only the files (``files``, else all)
    and columns that the installed apps describe: a sample that carries files and columns of
    capabilities not built yet still imports what is."""
    target.mkdir(parents=True, exist_ok=True)
    specs = registry.files_by_name()
    wanted = set(files) if files is not None else None
    for path in sorted(source.iterdir()):
        spec = specs.get(path.name)
        if spec is None or (wanted is not None and path.name not in wanted):
            continue
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        keep = [i for i, column in enumerate(rows[0]) if column in spec.columns or spec.extra_columns]
        if len(keep) == len(rows[0]):
            shutil.copy(path, target / path.name)
            continue
        with (target / path.name).open("w", newline="", encoding="utf-8") as out:
            csv.writer(out, lineterminator="\n").writerows([[row[i] for i in keep] for row in rows])
    return target
