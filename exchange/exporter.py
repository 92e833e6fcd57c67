"""Exporting a bundle in the import format: the whole system, one team, or one client's
own data (a data-portability request). import -> export -> import is lossless."""

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from django.db.models import Q

from cases.models import Client, Dossier, DossierMember, DossierSafeguard, Referrer, Team
from exchange.spec import EXPORT_COLUMNS
from maatwerk.models import Product, Provider, Referral
from zrm.models import Domain, Instrument, Measurement

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

    def write(self, name: str, header: Iterable[str], rows: Iterable[Iterable]) -> None:
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


def _chunked(queryset, *fields) -> Iterator[tuple]:
    return queryset.values_list(*fields).iterator(chunk_size=CHUNK)


def export_bundle(path: str | Path, *, team: Team | None = None, client: Client | None = None) -> dict[str, int]:
    """Write a bundle; returns rows per file."""
    dossiers = Dossier.objects.all()
    if team is not None:
        dossiers = dossiers.filter(team=team)
    if client is not None:
        dossiers = dossiers.filter(members__client=client)
    dossier_ids = dossiers.values("pk")
    members = DossierMember.objects.filter(dossier__in=dossier_ids)
    measurements = Measurement.objects.filter(dossier__in=dossier_ids)
    referrals = Referral.objects.filter(dossier__in=dossier_ids)
    if client is not None:
        # Only the client's own data and the household's: not the other members'.
        members = members.filter(client=client)
        measurements = measurements.filter(Q(client=client) | Q(client__isnull=True))
        referrals = referrals.filter(Q(client=client) | Q(client__isnull=True))
    clients = Client.objects.filter(pk__in=members.values("client_id"))
    teams = Team.objects.filter(pk__in=dossiers.values("team_id")) if team or client else Team.objects.all()

    writer = BundleWriter(path)
    try:
        c = EXPORT_COLUMNS
        writer.write("teams.csv", c["teams.csv"], _chunked(teams.order_by("code"), "code", "name", "population", "fte"))
        writer.write("referrers.csv", c["referrers.csv"],
                     _chunked(Referrer.objects.order_by("code"), "code", "name", "self_referral"))
        writer.write("providers.csv", c["providers.csv"], _chunked(Provider.objects.order_by("code"), "code", "name"))
        writer.write("products.csv", c["products.csv"],
                     _chunked(Product.objects.order_by("code"), "code", "name", "category"))
        writer.write("clients.csv", c["clients.csv"],
                     _chunked(clients.order_by("pk"), "ref", "bsn", "birth_date", "gender", "postcode"))
        writer.write("dossiers.csv", c["dossiers.csv"], (
            (*row[:-2], row[-2] or row[-1])
            for row in _chunked(
                dossiers.order_by("pk"), "ref", "team__code", "registered_on", "referrer__code", "first_contact_on",
                "first_contact_location", "support_started_on", "closed_on", "closure_reason",
                "can_continue_independently", "client_rating", "lead_worker__username", "lead_worker_ref",
            )
        ))
        writer.write("dossier_clients.csv", c["dossier_clients.csv"],
                     _chunked(members.order_by("pk"), "dossier__ref", "client__ref", "role"))
        safeguards = DossierSafeguard.objects.filter(dossier__in=dossier_ids).order_by("pk")
        writer.write("dossier_safeguards.csv", c["dossier_safeguards.csv"],
                     _chunked(safeguards, "dossier__ref", "safeguard"))
        _write_zrm(writer, measurements)
        writer.write("referrals.csv", c["referrals.csv"], _chunked(
            referrals.order_by("pk"), "ref", "dossier__ref", "client__ref", "product__code", "provider__code", "form",
            "status", "requested_on", "decided_on", "starts_on", "ends_on",
        ))
    finally:
        writer.close()
    return writer.counts


def _write_zrm(writer: BundleWriter, measurements) -> None:
    """One column per domain code of the instruments used, in the instruments' order."""
    used = Instrument.objects.filter(pk__in=measurements.values("instrument_id")).order_by("code")
    domain_columns: list[str] = []
    for code in Domain.objects.filter(instrument__in=used).order_by("instrument__code", "order").values_list(
        "code", flat=True
    ):
        if code not in domain_columns:
            domain_columns.append(code)
    position = {code: i for i, code in enumerate(domain_columns)}
    header = [*EXPORT_COLUMNS["zrm.csv"], *domain_columns]

    def rows():
        fields = ("ref", "dossier__ref", "client__ref", "instrument__code", "type", "measured_on", "scores")
        for *fixed, scores in _chunked(measurements.order_by("pk"), *fields):
            cells = [""] * len(position)
            for code, score in scores.items():
                cells[position[code]] = score
            yield [*fixed, *cells]

    writer.write("zrm.csv", header, rows())
