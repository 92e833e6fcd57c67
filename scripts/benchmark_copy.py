"""The import against the physical limit (issue 32): in one run, side by side, a bare ``COPY``
of a bundle's rows into unindexed tables, and the project's import of the same bundle.

    .venv/bin/python scripts/benchmark_copy.py --dossiers 100000
    .venv/bin/python scripts/benchmark_copy.py --bundle /tmp/bundle100k   # a bundle written earlier

The bare COPY is what PostgreSQL needs at least to take the rows in: every CSV file of the
bundle copied as it is into a table of text columns without keys, indexes or constraints
(``UNLOGGED`` off: the import writes the WAL too), in one transaction, in a database of its
own. The import is ``manage.py import_bundle`` into a freshly migrated database: validation of
every rule, staging tables, COPY and set-based upserts, one transaction. Each is timed with
its peak memory (``ru_maxrss`` of the process that did the work) and the machine's load.
Prints the figures; asserts nothing."""

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from benchmark import manage, recreate_database, server_url, with_database
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent


def bare_copy(url: str, bundle: Path) -> tuple[float, int]:
    """Seconds and rows of copying every CSV file into unindexed text tables, in one transaction."""
    rows = 0
    started = time.monotonic()
    with psycopg.connect(url) as connection:
        for path in sorted(bundle.glob("*.csv")):
            with path.open(newline="", encoding="utf-8-sig") as handle:
                header = next(csv.reader(handle))
            table = sql.Identifier(f"bare_{path.stem}")
            columns = sql.SQL(", ").join(sql.SQL("{} text").format(sql.Identifier(name)) for name in header)
            connection.execute(sql.SQL("CREATE TABLE {} ({})").format(table, columns))
            with path.open("rb") as handle, connection.cursor().copy(
                    sql.SQL("COPY {} FROM STDIN WITH (FORMAT csv, HEADER true)").format(table)) as copy:
                while chunk := handle.read(1 << 20):
                    copy.write(chunk)
            rows += connection.execute(sql.SQL("SELECT count(*) FROM {}").format(table)).fetchone()[0]
        connection.commit()
    return time.monotonic() - started, rows


def timed_import(env: dict, bundle: Path) -> tuple[float, int, float]:
    """Seconds, peak memory (kB) and CPU seconds (user + system) of ``manage.py import_bundle``
    in a child process: its own rusage (``os.wait4``), not the largest of every child so far
    (the demo generation is one). The CPU seconds are the import's own Python work (not
    PostgreSQL's) and depend far less on the machine's load than the wall-clock seconds."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: the progress lines never block the child
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "manage.py", "import_bundle", str(bundle), "-v0"], cwd=ROOT,
                                 env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - started
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit(f"import_bundle failed:\n{errors.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--bundle", help="a bundle folder written earlier (skips generation)")
    parser.add_argument("--database", default="buurtteam_copy")
    args = parser.parse_args()
    url = server_url()
    env = {**os.environ, "DATABASE_URL": with_database(url, args.database), "DEBUG": "true",
           "ALLOWED_HOSTS": "testserver", "CELERY_TASK_ALWAYS_EAGER": "true", "DATABASE_CONN_MAX_AGE": "0"}
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(args.bundle) if args.bundle else Path(tmp) / "bundle"
        if not args.bundle:
            recreate_database(url, args.database)
            manage(env, "migrate", "--no-input", "-v0")
            manage(env, "demo_data", "--dossiers", str(args.dossiers), "--write-only", "--output", str(bundle))
        size = sum(f.stat().st_size for f in bundle.iterdir()) / 1e6
        recreate_database(url, f"{args.database}_bare")
        load_before = os.getloadavg()[0]
        copy_seconds, rows = bare_copy(with_database(url, f"{args.database}_bare"), bundle)
        recreate_database(url, args.database)
        manage(env, "migrate", "--no-input", "-v0")
        import_seconds, peak_kb, cpu_seconds = timed_import(env, bundle)
        load_after = os.getloadavg()[0]
    print(f"\nBundle: {rows:,} rows, {size:.0f} MB; {os.cpu_count()} cores; load {load_before:.1f} → {load_after:.1f}")
    print(f"  {copy_seconds:8.2f} s  bare COPY into unindexed text tables (the physical limit)")
    print(f"  {import_seconds:8.2f} s  the project's import (validation, staging, upserts), "
          f"{import_seconds / copy_seconds:.1f}× the limit, peak memory {peak_kb / 1024:.0f} MB, "
          f"{cpu_seconds:.1f} s CPU in the import process")


if __name__ == "__main__":
    main()
