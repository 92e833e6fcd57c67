"""Benchmark on PostgreSQL: bundle import, indicator computation and the dossier list page.

    .venv/bin/python scripts/benchmark.py --dossiers 1000000
    .venv/bin/python scripts/benchmark.py --dossiers 60000        # about Utrecht scale

    .venv/bin/python scripts/benchmark.py --pages-only --database bt_mine   # an already loaded database
    .venv/bin/python scripts/benchmark.py --compute-only --api-only --database bt_mine   # compute, then the API

Creates (drops first) the database ``buurtteam_bench`` (``--database``) on the server of
$DATABASE_URL (default postgres://postgres@127.0.0.1:5432), writes a demo bundle of N
dossiers, imports it, imports it again (nothing changes), computes the current quarter with
its months (twice) and renders a team's dossier list and waiting list. Then it serves the
app with gunicorn (production settings, ``gunicorn.conf.py``, one worker per client) and lets
``--clients`` concurrent clients (default 4) request each list page for ``--seconds``
seconds: median and p95 per page, and the indicators API under load (scripts/benchmark_api.py:
a 1,000-row page on ``--workers`` gunicorn workers). Every figure is printed with the
machine's load (1-minute average): the machine may be shared. Prints the figures; asserts
nothing. Time is measured here, never in the unit tests."""

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from benchmark_api import api_throughput, gunicorn

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "buurtteam_bench"  # --database


def server_url() -> str:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")
    return url


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(url: str, name: str) -> None:
    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *args: str) -> tuple[float, str]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    seconds = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return seconds, result.stdout


PAGE_SNIPPET = """
import time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from cases.factories import user_with_role
from cases.models import Dossier, Role, Team
from django.db.models import Count, Q
team = Team.objects.annotate(open=Count("dossiers", filter=Q(dossiers__closed_on__isnull=True))).order_by("-open")[0]
user = user_with_role(Role.GENERALIST, team, username="bench-generalist")
client = Client()
client.force_login(user)
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
device, _ = TOTPDevice.objects.get_or_create(user=user, name="authenticator-app")
session = client.session
session[DEVICE_ID_SESSION_KEY] = device.persistent_id  # the second factor, as django_otp.login stores it
session.save()
for name in ("cases:team_dossiers", "cases:waiting_list"):
    url = reverse(name, args=[team.code])
    client.get(url)
    times = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            started = time.monotonic()
            response = client.get(url)
            times.append(time.monotonic() - started)
    assert response.status_code == 200
    print(f"PAGE {name} team={team.code} open={team.open} queries={len(queries)} "
          f"median_ms={sorted(times)[2] * 1000:.0f}")
"""


SESSION_SNIPPET = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db.models import Count, Q
from django.urls import reverse
from cases.models import Dossier, Team
team = Team.objects.annotate(open=Count("dossiers", filter=Q(dossiers__closed_on__isnull=True))).order_by("-open")[0]
lead = (Dossier.objects.filter(team=team, closed_on__isnull=True, lead_worker__isnull=False)
        .values("lead_worker").annotate(n=Count("id")).order_by("-n")[0])
from django.contrib.auth import get_user_model
user = get_user_model().objects.get(pk=lead["lead_worker"])
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
device, _ = TOTPDevice.objects.get_or_create(user=user, name="authenticator-app")
session[DEVICE_ID_SESSION_KEY] = device.persistent_id  # the second factor, as django_otp.login stores it
session.create()
print("SESSION " + json.dumps({"cookie": session.session_key, "team": team.code, "open": team.open,
      "mine": lead["n"], "pages": {
      "my dossiers": reverse("cases:my_dossiers"),
      "team dossiers": reverse("cases:team_dossiers", args=[team.code]),
      "team dossiers, sorted by lead worker": reverse("cases:team_dossiers", args=[team.code]) + "?sort=lead_worker",
      "waiting list": reverse("cases:waiting_list", args=[team.code])}}))
"""


def _request(port: int, path: str, cookie: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https",
                                                 "Cookie": f"sessionid={cookie}"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def concurrent_pages(env: dict, clients: int, seconds: float) -> list[str]:
    """p95 per list page with ``clients`` concurrent clients against gunicorn (production settings)."""
    secret = "benchmark-only-" + "k" * 50  # the session's auth hash depends on it: same for shell and server
    _, out = manage({**env, "SECRET_KEY": secret}, "shell", "-c", SESSION_SNIPPET)
    setup = json.loads(next(line for line in out.splitlines() if line.startswith("SESSION "))[8:])
    # The session above was made with this SECRET_KEY: gunicorn() starts the server with the same one.
    with gunicorn({**env, "SECRET_KEY": secret}, manage, clients, redis_cache=False) as (base, _cache, _pid):
        port = urlsplit(base).port
        lines = [(f"{clients} concurrent clients, {seconds:.0f} s per page; team {setup['team']} "
                  f"({setup['open']:,} open dossiers), its busiest lead worker ({setup['mine']:,} open)")]
        for label, path in setup["pages"].items():
            for _ in range(clients):  # warm every worker
                _request(port, path, setup["cookie"])
            timings: list[float] = []
            failures: list[int] = []
            stop = time.monotonic() + seconds

            def client(path=path, timings=timings, failures=failures, stop=stop):
                while time.monotonic() < stop:
                    started = time.monotonic()
                    status = _request(port, path, setup["cookie"])
                    timings.append((time.monotonic() - started) * 1000)
                    if status != 200:
                        failures.append(status)

            threads = [threading.Thread(target=client) for _ in range(clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            p95 = statistics.quantiles(timings, n=20)[18] if len(timings) > 1 else timings[0]
            lines.append(f"{label}: {len(timings)} requests, median {statistics.median(timings):.0f} ms, "
                         f"p95 {p95:.0f} ms" + (f", {len(failures)} not 200 ({failures[0]})" if failures else ""))
        return lines


SIGNALS_SNIPPET = """
import time
from django.db.models import Count
from work import signals
from work.models import Task
for attempt in ("first", "second"):
    started = time.monotonic()
    result = signals.derive()
    seconds = time.monotonic() - started
    totals = {k: sum(r[k] for r in result.values()) for k in ("raised", "reopened", "resolved")}
    print(f"SIGNALS {attempt} run: {seconds:.2f} s, {totals}")
open_by = dict(Task.objects.open().values_list("signal").annotate(n=Count("pk")))
print(f"SIGNALS open signals: {sum(open_by.values()):,} {open_by}; tasks in all: {Task.objects.count():,}")
"""


def signal_benchmark(args) -> None:
    """--signals: the nightly signal job (work.signals.derive) on N demo dossiers, run twice."""
    url = server_url()
    env = {**os.environ, "DATABASE_URL": with_database(url, args.database), "DEBUG": "true",
           "CELERY_TASK_ALWAYS_EAGER": "true", "DATABASE_CONN_MAX_AGE": "0"}
    recreate_database(url, args.database)
    manage(env, "migrate", "--no-input", "-v0")
    seconds, _ = manage(env, "demo_data", "--dossiers", str(args.dossiers), "--no-compute")
    print(f"\nSignal job on PostgreSQL ({args.database}), {os.cpu_count()} cores; {args.dossiers:,} demo dossiers "
          f"(loaded in {seconds:.0f} s)")
    _, out = manage(env, "shell", "-c", SIGNALS_SNIPPET)
    for line in out.splitlines():
        if line.startswith("SIGNALS"):
            print("  " + line[8:])


def current_quarter() -> str:
    today = time.localtime()
    return f"{today.tm_year}-Q{(today.tm_mon - 1) // 3 + 1}"


COMPUTE_SNIPPET = """
import os, time
from reporting.compute import compute_periods
from reporting.models import PeriodComputation

def machine_cpu():
    \"\"\"CPU seconds the whole machine spent (user + system, all cores) since boot: on an
    idle machine the computation's Python process and all its PostgreSQL connections.\"\"\"
    fields = open("/proc/stat").readline().split()[1:]
    return (int(fields[0]) + int(fields[1]) + int(fields[2])) / os.sysconf("SC_CLK_TCK")

for run in range(RUNS):
    again = PeriodComputation.objects.filter(period=QUARTER, computed_at__isnull=False).exists()
    before = os.getloadavg()[0]
    cpu, python, wall = machine_cpu(), time.process_time(), time.monotonic()
    compute_periods([QUARTER])
    wall, python, cpu = time.monotonic() - wall, time.process_time() - python, machine_cpu() - cpu
    print(f"COMPUTE {wall:.3f} {python:.3f} {cpu:.3f} {before:.1f} {os.getloadavg()[0]:.1f} {int(again)}")

# The reference: one sequential scan of every table the computation reads (each named in the
# indicators' SQL), every row read once, no index, nothing computed or written.
from pathlib import Path
from django.apps import apps
from django.db import connection
source = " ".join(path.read_text() for path in Path("reporting").glob("**/*.py") if "tests" not in path.parts)
tables = sorted({model._meta.db_table for model in apps.get_models()
                 if model._meta.app_label != "reporting" and f" {model._meta.db_table}" in source})
with connection.cursor() as cursor:
    cursor.execute("SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off")
    wall, rows = time.monotonic(), 0
    for table in tables:
        cursor.execute(f"SELECT count(*) FROM {table}")
        rows += cursor.fetchone()[0]
    print(f"SCAN {time.monotonic() - wall:.3f} {rows} {len(tables)}")
"""


def compute_figures(env: dict, quarter: str, runs: int, connections: int) -> list[tuple[str, float]]:
    """compute_periods for the quarter with its months, ``runs`` times in one process: wall
    time, the CPU time of Python and of the whole machine (on an idle machine, the
    computation with all its database connections), the machine's load before and after each
    run, and whether it was the first computation of the period or a recomputation."""
    snippet = COMPUTE_SNIPPET.replace("RUNS", str(runs)).replace("QUARTER", repr(quarter))
    _, out = manage({**env, "INDICATOR_CONNECTIONS": str(connections)}, "shell", "-c", snippet)
    figures = []
    for attempt, line in enumerate((line for line in out.splitlines() if line.startswith("COMPUTE ")), start=1):
        wall, python, cpu, before, after, again = (float(x) for x in line.split()[1:])
        kind = "recomputation" if again else "first computation"
        label = (f"compute {quarter} + 3 months, all teams, {connections} connection(s), run {attempt} ({kind}): "
                 f"machine CPU {cpu:.2f} s (Python {python:.2f} s); load {before:.1f} → {after:.1f}")
        figures.append((label, wall))
    for line in (line for line in out.splitlines() if line.startswith("SCAN ")):
        wall, rows, tables = line.split()[1:]
        figures.append((f"a single sequential scan of the {tables} tables the computation reads "
                        f"({int(rows):,} rows), the reference", float(wall)))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--signals", action="store_true",
                        help="only the nightly signal job (twice) on --dossiers demo dossiers in --database")
    parser.add_argument("--bundle", help="reuse a bundle folder written earlier (skips generation)")
    parser.add_argument("--database", default=DATABASE, help="database to (re)create, or to reuse with --pages-only")
    parser.add_argument("--pages-only", action="store_true",
                        help="only the concurrent list pages, on the loaded --database (migrated first)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients for the list pages")
    parser.add_argument("--seconds", type=float, default=10, help="load per list page and per API run")
    parser.add_argument("--compute-only", action="store_true",
                        help="only compute the current quarter (--runs times) on the loaded --database")
    parser.add_argument("--api-only", action="store_true",
                        help="only the indicators API under load on the loaded --database (its quarter computed)")
    parser.add_argument("--runs", type=int, default=3, help="computations of the quarter")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers for the API")
    parser.add_argument("--connections", type=int, default=2,
                        help="database connections of the computation at once (INDICATOR_CONNECTIONS)")
    args = parser.parse_args()
    if args.signals:
        signal_benchmark(args)
        return
    if args.compute_only or args.api_only:
        url = server_url()
        env = {**os.environ, "DATABASE_URL": with_database(url, args.database), "DEBUG": "true",
               "ALLOWED_HOSTS": "testserver", "CELERY_TASK_ALWAYS_EAGER": "true", "DATABASE_CONN_MAX_AGE": "0"}
        manage(env, "migrate", "--no-input", "-v0")
        print(f"\nOn PostgreSQL ({args.database}), {os.cpu_count()} cores")
        if args.compute_only:
            for label, seconds in compute_figures(env, current_quarter(), args.runs, args.connections):
                print(f"  {seconds:8.2f} s  {label}")
        if args.api_only:
            for line in api_throughput(env, manage, current_quarter(), clients=args.clients, seconds=args.seconds,
                                       workers=args.workers):
                print("  " + line)
        return

    url = server_url()
    env = {**os.environ, "DATABASE_URL": with_database(url, args.database), "DEBUG": "true",
           "ALLOWED_HOSTS": "testserver", "CELERY_TASK_ALWAYS_EAGER": "true", "DATABASE_CONN_MAX_AGE": "0"}
    if args.pages_only:
        manage(env, "migrate", "--no-input", "-v0")
        print(f"\nConcurrent list pages on PostgreSQL ({args.database}), {os.cpu_count()} cores")
        for line in concurrent_pages(env, args.clients, args.seconds):
            print("  " + line)
        return
    recreate_database(url, args.database)
    manage(env, "migrate", "--no-input", "-v0")
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        bundle = args.bundle or str(Path(tmp) / "bundle")
        if not args.bundle:
            seconds, _ = manage(env, "demo_data", "--dossiers", str(args.dossiers), "--write-only", "--output", bundle)
            figures.append(("generate demo bundle", seconds))
        size = sum(f.stat().st_size for f in Path(bundle).iterdir()) / 1e6
        seconds, out = manage(env, "import_bundle", bundle, "-v0")
        rows = sum(int(n) for n in re.findall(r"\.csv (\d+)", out.split("Nieuw")[0]))
        figures.append((f"import {args.dossiers:,} dossiers ({rows:,} rows, {size:.0f} MB)", seconds))
        seconds, out = manage(env, "import_bundle", bundle, "-v0")
        figures.append(("import the same bundle again (changes nothing)", seconds))
    quarter = current_quarter()
    figures += compute_figures(env, quarter, args.runs, args.connections)
    _, out = manage(env, "shell", "-c",
                    "from reporting.models import IndicatorRow as R; "
                    f"print(int(R.objects.get(period='{quarter}', team=None, indicator='dossiers_active').value))")
    active = out.strip().splitlines()[-1]
    _, out = manage(env, "shell", "-c", PAGE_SNIPPET)
    print(f"\nBenchmark on PostgreSQL, {os.cpu_count()} cores; {args.dossiers:,} dossiers, "
          f"{int(active):,} active in {quarter}\n")
    for label, seconds in figures:
        print(f"  {seconds:8.2f} s  {label}")
    for line in out.splitlines():
        if line.startswith("PAGE"):
            print("  " + line[5:])
    print()
    for line in concurrent_pages(env, args.clients, args.seconds):
        print("  " + line)
    print()
    for line in api_throughput(env, manage, quarter, clients=args.clients, seconds=args.seconds, workers=args.workers):
        print("  " + line)


if __name__ == "__main__":
    main()
