"""Exporting a bundle in the import format: the whole system, one team, or one client's
own data (a data-portability request). import -> export -> import is lossless."""

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db.models import Q, QuerySet

from cases.bundlespec import FileSpec
from cases.models import Client, Dossier, Team
from exchange import registry
from exchange.formulas import escape

CHUNK = 10_000


def _text(value) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return escape(value)
    return str(value)


class BundleWriter:
    """Writes CSV files into a folder, or into a .zip when the path ends in .zip."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.zip = None
        if self.path.suffix == ".zip":
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.zip = zipfile.ZipFile(self.path, "w", compression=zipfile.ZIP_DEFLATED)
        else:
            self.path.mkdir(parents=True, exist_ok=True)
        self.counts: dict[str, int] = {}

    @staticmethod
    def rows(queryset: QuerySet, *fields: str) -> Iterator[tuple]:
        """The queryset's values in chunks (a bundle may hold millions of rows)."""
        return queryset.values_list(*fields).iterator(chunk_size=CHUNK)

    def write(self, spec: FileSpec | str, rows: Iterable[Iterable], header: Iterable[str] | None = None) -> None:
        name = spec if isinstance(spec, str) else spec.name
        header = header if header is not None else spec.columns
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        count = 0
        for row in rows:
            writer.writerow([_text(v) for v in row])
            count += 1
        self.counts[name] = count
        data = buffer.getvalue().encode("utf-8")
        if self.zip is not None:
            self.zip.writestr(name, data)
        else:
            (self.path / name).write_bytes(data)

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()


@dataclass(frozen=True)
class ExportScope:
    """Which dossiers an export holds: all, one team's, or one client's (then only the
    client's own rows and the household's, not the other members')."""

    dossiers: QuerySet
    team: Team | None = None
    client: Client | None = None

    @property
    def dossier_ids(self) -> QuerySet:
        return self.dossiers.values("pk")

    def own(self, queryset: QuerySet) -> QuerySet:
        """Rows about one member (``client``) or the household (no client)."""
        if self.client is None:
            return queryset
        return queryset.filter(Q(client=self.client) | Q(client__isnull=True))


def export_bundle(path: str | Path, *, team: Team | None = None, client: Client | None = None) -> dict[str, int]:
    """Write a bundle, every app's files (``registry.parts()``); returns rows per file."""
    dossiers = Dossier.objects.all()
    if team is not None:
        dossiers = dossiers.filter(team=team)
    if client is not None:
        dossiers = dossiers.filter(members__client=client)
    scope = ExportScope(dossiers, team, client)
    writer = BundleWriter(path)
    try:
        for part in registry.parts():
            part.export(writer, scope)
    finally:
        writer.close()
    return writer.counts
