"""Benchmark on PostgreSQL: destruction of every dossier past its retention term.

    .venv/bin/python scripts/benchmark_destruction.py --dossiers 100000

Creates (drops first) the database ``buurtteam_destruction_bench`` (``--database``) on the
server of $DATABASE_URL, migrates it and imports the demo bundle (``exchange.demo``) as it
was 20 years ago, so most of its dossiers are closed and past a 15-year term and those still
open then are open now. Every dossier gets a journal entry and access-log entries (a client
view and a search naming the applicant); one in a hundred a document on disk. It computes the
old quarters, proposes the destruction list as one functional administrator and approves it as
a second (``cases.retention.destroy``: one transaction), then checks that the destroyed
dossiers, clients and files are gone, nothing names them any more and the stored figures are
unchanged. Prints the times; asserts only those checks. Time is measured here, never in the
unit tests."""

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "buurtteam_destruction_bench"


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def setup(database: str, private_root: str) -> None:
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not server.startswith(("postgres://", "postgresql://")):
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")
    with psycopg.connect(with_database(server, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
        connection.execute(f'CREATE DATABASE "{database}"')
    os.environ["DATABASE_URL"] = with_database(server, database)
    os.environ["PRIVATE_MEDIA_ROOT"] = private_root
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtteam.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def timed(label: str, figures: list, function, *args, **kwargs):
    started = time.monotonic()
    result = function(*args, **kwargs)
    figures.append((label, time.monotonic() - started))
    print(f"  {label}: {figures[-1][1]:.1f} s", flush=True)
    return result


def load(dossiers: int, figures: list) -> dt.date:
    from django.core.management import call_command
    from django.utils import timezone

    from exchange.demo import DemoBundle
    from exchange.importer import import_bundle
    from exchange.management.commands.demo_data import Command as DemoCommand

    timed("migrate", figures, call_command, "migrate", verbosity=0)
    then = timezone.localdate().replace(month=6, day=1)
    then = then.replace(year=then.year - 20)
    bundle = timed("generate demo bundle", figures, DemoBundle(dossiers, today=then, years=5).generate)
    demo = DemoCommand()
    demo._create_users(bundle, 7)
    with tempfile.TemporaryDirectory() as folder:
        bundle.write(folder)
        result = timed("import demo bundle", figures, import_bundle, folder)
    assert result.ok, result.problems[:5]
    demo._name_clients(7)
    return then


def add_journal_log_documents(figures: list) -> None:
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from django.db import connection

    from journal.models import Document

    worker = get_user_model().objects.filter(memberships__role="generalist").first()
    with connection.cursor() as cursor:
        started = time.monotonic()
        cursor.execute("""
            INSERT INTO journal_journalentry (ref, dossier_id, client_id, written_on, kind, minutes, author_id,
                                              author_ref, confidential, text, created_at)
            SELECT 'bench-' || d.id, d.id, m.client_id, d.registered_on, 'telefonisch', 20, %s, '', false,
                   'Gesprek met ' || c.given_name || ' ' || c.family_name || ' over de schulden', now()
            FROM cases_dossier d
            JOIN cases_dossiermember m ON m.dossier_id = d.id AND m.role = 'aanvrager'
            JOIN cases_client c ON c.id = m.client_id
        """, [worker.pk])
        cursor.execute("""
            INSERT INTO cases_accesslogentry (at, user_id, action, client_id, dossier_id, remote_addr, path, detail)
            SELECT now(), %s, 'view', m.client_id, m.dossier_id, '10.0.0.1', '/dossiers/' || m.dossier_id, 'Dossier'
            FROM cases_dossiermember m
        """, [worker.pk])
        cursor.execute("""
            INSERT INTO cases_accesslogentry (at, user_id, action, client_id, dossier_id, remote_addr, path, detail)
            SELECT now(), %s, 'search', NULL, NULL, '10.0.0.1', '/dossiers?q=' || c.family_name,
                   'zoeken: ' || c.family_name
            FROM cases_client c WHERE c.id %% 50 = 0
        """, [worker.pk])
        figures.append(("journal entries and access log (SQL)", time.monotonic() - started))
        print(f"  journal entries and access log: {figures[-1][1]:.1f} s", flush=True)
    started = time.monotonic()
    for dossier_id in range(1, 1 + connection.cursor().connection.execute(
            "SELECT max(id) FROM cases_dossier").fetchone()[0], 100):
        Document.objects.create(dossier_id=dossier_id, kind="brief", description="brief",
                                file=ContentFile(b"%PDF-1.4 benchmark", name="brief.pdf"), original_name="brief.pdf",
                                content_type="application/pdf", size=18, uploaded_by=worker)
    figures.append(("documents on disk", time.monotonic() - started))
    print(f"  documents on disk: {figures[-1][1]:.1f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--database", default=DATABASE)
    parser.add_argument("--profile", action="store_true", help="print where the destruction spends its time")
    args = parser.parse_args()
    figures: list = []
    private = tempfile.mkdtemp(prefix="bench-private-")
    setup(args.database, private)

    from django.db import connection
    from django.db.models import Count, F

    from cases import retention
    from cases.factories import user_with_role
    from cases.models import AccessLogEntry, Client, Dossier, Role
    from journal.models import Document
    from reporting.compute import compute_periods
    from reporting.models import IndicatorRow
    from reporting.periods import Period

    print(f"Destruction on PostgreSQL ({args.database}), {os.cpu_count()} cores, {args.dossiers:,} demo dossiers:")
    then = load(args.dossiers, figures)
    add_journal_log_documents(figures)
    quarters = [*Period.quarter_of(then).previous_quarters(3), Period.quarter_of(then)]
    timed("compute 4 old quarters", figures, compute_periods, quarters)
    before = sorted(IndicatorRow.objects.values_list("period", "team_id", "indicator", "dimension", "value", "count"),
                    key=str)
    first = user_with_role(Role.BEHEER, None, username="beheer-bench-1")
    second = user_with_role(Role.BEHEER, None, username="beheer-bench-2")
    due = retention.due().count()
    total = Dossier.objects.count()
    files = [d.file.path for d in Document.objects.filter(dossier__in=retention.due())]
    searched = list(Client.objects.filter(pk__in=retention.due().values("members__client")).annotate(
        every_50th=F("id") % 50).filter(every_50th=0).values_list("family_name", flat=True)[:1])
    listing = timed("propose the destruction list", figures, retention.propose, user=first)
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        done = timed("approve and destroy (one transaction)", figures, profiler.runcall, retention.destroy,
                     listing.pk, user=second)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    else:
        done = timed("approve and destroy (one transaction)", figures, retention.destroy, listing.pk, user=second)
    connection.close()

    assert done.dossier_count == due, (done.dossier_count, due)
    assert Dossier.objects.count() == total - due
    assert not Dossier.objects.filter(closed_on__lte=retention.cutoff()).exists()
    assert not AccessLogEntry.objects.filter(dossier_id__isnull=False).exclude(
        dossier_id__in=Dossier.objects.values("pk")).exists()
    assert not any(os.path.exists(path) for path in files), "document files left"
    after = sorted(IndicatorRow.objects.values_list("period", "team_id", "indicator", "dimension", "value", "count"),
                   key=str)
    assert after == before, "figures changed"
    named = AccessLogEntry.objects.filter(action="search", detail__contains=searched[0]).count() if searched else "-"
    orphans = Client.objects.annotate(n=Count("memberships")).filter(n=0).count()
    print(f"\n  dossiers {total:,}, due and destroyed {done.dossier_count:,}, clients removed {done.client_count:,}, "
          f"clients without a dossier left {orphans}, files removed {len(files):,}")
    print(f"  rows removed or anonymised: {sum(done.counts.values()):,} "
          + ", ".join(f"{k} {v:,}" for k, v in sorted(done.counts.items())))
    print(f"  figures of {', '.join(q.code for q in quarters)} unchanged ({len(before):,} rows); "
          f"search rows still naming a destroyed family name: {named}")
    print("\n| step | seconds |\n|---|---|")
    for label, seconds in figures:
        print(f"| {label} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
