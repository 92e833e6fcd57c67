"""A whole city's staff at once (issue 32): Locust against gunicorn on PostgreSQL.

    .venv/bin/pip install -e ".[load]"     # Locust, once
    .venv/bin/python scripts/loadtest.py --database load100k --load-demo 100000   # first time: demo data
    .venv/bin/python scripts/loadtest.py --database load100k                       # later runs

Prepares the accounts (generalists of every team, each involved in about 40 open dossiers of
its team; team coaches; beleid; municipal API clients), each with its own password login
and authenticator key, computes the current quarter, starts gunicorn with production settings
(``gunicorn.conf.py``: ``--workers`` gthread workers of ``--threads`` threads, or
``--worker-class sync``) and runs ``scripts/locustfile.py`` headless, at ``nice`` 10 below the
server (``--locust-nice``) and in ``--locust-processes`` processes: ``--users``
virtual users spawned at ``--spawn-rate`` per second, then ``--minutes`` of measured work
(Locust resets its statistics when all users are spawned; the logins are reported
separately). Writes Locust's CSV files to ``--out`` and prints a summary: requests,
failures, median, p95 and p99 overall and per page, the machine's load before and after, and
the server's CPU time per request (gunicorn workers and their PostgreSQL backends), so the
figure can be scaled to another machine, and Locust's own CPU time (on a machine of its own
the load generator costs the server nothing). Asserts nothing."""

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmark import current_quarter, manage, recreate_database, server_url, with_database
from benchmark_api import _cpu_seconds, _server_pids, gunicorn, load

ROOT = Path(__file__).resolve().parent.parent

ACCOUNTS_SNIPPET = """
import json, random, secrets
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice
from cases.models import Dossier, Membership, Role, Team
from reporting.models import ApiClient

rng = random.Random(__SEED__)
User = get_user_model()
password = "loadtest-" + secrets.token_hex(8)
hashed = make_password(password)  # once: 300 PBKDF2 hashes would take minutes
out = {"generalist": [], "coach": [], "beleid": [], "api": [], "quarter": __QUARTER__}
teams = list(Team.objects.order_by("code"))

def account(username, role, team):
    user, _ = User.objects.update_or_create(
        username=username,
        defaults={"password": hashed, "is_active": True, "first_name": "Load", "last_name": username})
    Membership.objects.get_or_create(user=user, team=team, role=role)
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="authenticator-app", confirmed=True)
    return user, device.key

for number in range(__GENERALISTS__):
    team = teams[number % len(teams)]
    user, key = account(f"load-generalist-{number:03d}", Role.GENERALIST, team)
    open_ids = list(Dossier.objects.filter(team=team, closed_on__isnull=True).values_list("pk", flat=True))
    mine = rng.sample(open_ids, min(40, len(open_ids)))
    Dossier.workers.through.objects.bulk_create(
        [Dossier.workers.through(dossier_id=pk, user_id=user.pk) for pk in mine], ignore_conflicts=True)
    closed = list(Dossier.objects.filter(team=team, closed_on__isnull=False).values_list("pk", flat=True)[:2000])
    out["generalist"].append({"username": user.username, "password": password, "key": key, "team": team.code,
                              "open_dossiers": mine, "dossiers": mine + rng.sample(closed, min(10, len(closed)))})
for number in range(__COACHES__):
    team = teams[number % len(teams)]
    user, key = account(f"load-coach-{number:03d}", Role.TEAMCOACH, team)
    out["coach"].append({"username": user.username, "password": password, "key": key, "team": team.code})
for number in range(__BELEID__):
    user, key = account(f"load-beleid-{number:03d}", Role.BELEID, None)
    out["beleid"].append({"username": user.username, "password": password, "key": key})
for number in range(__API_CLIENTS__):
    _client, token = ApiClient.create_with_token(f"loadtest-{number}-{secrets.token_hex(3)}")
    out["api"].append({"token": token})
print("ACCOUNTS " + json.dumps(out))
"""

COMPUTE_SNIPPET = """
from reporting.compute import compute_periods
compute_periods([__QUARTER__])
"""


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (Locust, once it has exited)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def percentile_rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def self_signed(folder: Path) -> tuple[str, str]:
    """A throw-away ECDSA certificate for 127.0.0.1: the server speaks HTTPS, as behind its proxy."""
    key, certificate = folder / "loadtest-key.pem", folder / "loadtest-cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True)
    return str(certificate), str(key)


def prepare_accounts(env: dict, users: int, seed: int) -> tuple[str, tuple[int, int, int], float]:
    """The accounts of ``users`` virtual staff (JSON for ``LOADTEST_ACCOUNTS``), how many
    generalists, coaches and beleid among them, and the seconds the current quarter's
    computation took (the overview and the API read it)."""
    generalists = round(users * 0.85)
    coaches = max(1, round(users * 0.10))
    beleid = max(1, round(users * 0.03))
    quarter = repr(current_quarter())
    snippet = (ACCOUNTS_SNIPPET.replace("__QUARTER__", quarter).replace("__SEED__", str(seed))
               .replace("__GENERALISTS__", str(generalists))
               .replace("__COACHES__", str(coaches)).replace("__BELEID__", str(beleid))
               .replace("__API_CLIENTS__", str(max(1, users - generalists - coaches - beleid))))
    _, out = manage(env, "shell", "-c", snippet)
    accounts = next(line for line in out.splitlines() if line.startswith("ACCOUNTS "))[9:]
    seconds, _ = manage(env, "shell", "-c", COMPUTE_SNIPPET.replace("__QUARTER__", quarter))
    return accounts, (generalists, coaches, beleid), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="load100k")
    parser.add_argument("--load-demo", type=int, default=0, metavar="DOSSIERS",
                        help="(re)create --database with this many demo dossiers first")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--spawn-rate", type=float, default=2)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1),
                        help="gunicorn workers (default: two per core, as gunicorn.conf.py)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (gthread)")
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class (sync: one request at a time)")
    parser.add_argument("--locust-processes", type=int, default=1,
                        help="Locust processes (its --processes); more when one process's CPU is the limit")
    parser.add_argument("--locust-nice", type=int, default=10,
                        help="run Locust at this nice level, below the server (0: same priority)")
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--out", default=str(ROOT / "artifacts" / "loadtest"))
    args = parser.parse_args()

    url = with_database(server_url(), args.database)
    env = {**os.environ, "DATABASE_URL": url}
    if args.load_demo:
        recreate_database(server_url(), args.database)
        manage(env, "migrate", "--no-input", "-v0")
        seconds, _ = manage(env, "demo_data", "--dossiers", str(args.load_demo), "--no-compute")
        print(f"demo data: {args.load_demo:,} dossiers in {seconds:.0f} s")
    manage(env, "migrate", "--no-input", "-v0")

    accounts, (generalists, coaches, beleid), seconds = prepare_accounts(env, args.users, args.seed)
    print(f"accounts ready; current quarter computed in {seconds:.1f} s")

    target = Path(args.out)
    target.mkdir(parents=True, exist_ok=True)
    ramp = args.users / args.spawn_rate
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        handle.write(accounts)
    certificate = self_signed(target)
    processes = ["--processes", str(args.locust_processes)] if args.locust_processes > 1 else []
    nice = ["nice", "-n", str(args.locust_nice)] if args.locust_nice else []
    with gunicorn(env, manage, args.workers, redis_cache=True, tls=certificate, threads=args.threads,
                  worker_class=args.worker_class) as (base, cache, master):
        locust_cpu = _children_cpu()
        locust = subprocess.Popen(
            [*nice, sys.executable, "-m", "locust", "-f", str(ROOT / "scripts" / "locustfile.py"), "--headless",
             *processes,
             "--users", str(args.users), "--spawn-rate", str(args.spawn_rate),
             "--run-time", f"{int(ramp + args.minutes * 60)}s", "--reset-stats", "--host", base,
             "--csv", str(target / "loadtest"), "--only-summary", "--loglevel", "WARNING"],
            cwd=ROOT, env={**env, "LOADTEST_ACCOUNTS": handle.name, "LOADTEST_SEED": str(args.seed),
                           "LOADTEST_PROCESSES": str(args.locust_processes)},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        time.sleep(ramp)  # the statistics start when every user is spawned: so does the CPU count
        pids = _server_pids(master, url)
        cpu, load_before = _cpu_seconds(pids), load()
        output, _ = locust.communicate()
        cpu, load_after = _cpu_seconds(pids) - cpu, load()
        locust_cpu = _children_cpu() - locust_cpu  # Locust and its processes, ramp and logins included
    os.unlink(handle.name)
    (target / "locust-output.txt").write_text(output, encoding="utf-8")

    rows = percentile_rows(target / "loadtest_stats.csv")
    total = next(r for r in rows if r["Name"] == "Aggregated")
    requests, failures = int(total["Request Count"]), int(total["Failure Count"])
    lines = [f"{args.users} virtual staff ({generalists} generalists, {coaches} coaches, {beleid} beleid, "
             f"API clients), {args.minutes:g} min measured after a {ramp:.0f} s ramp, think time 5-15 s, "
             f"gunicorn {args.workers} {args.worker_class} workers"
             f"{f' x {args.threads} threads' if args.worker_class == 'gthread' else ''}, cache in {cache}, "
             f"Locust in {args.locust_processes} process(es) at nice {args.locust_nice}, seed {args.seed}; "
             f"{load_before} → {load_after}",
             f"all: {requests:,} requests ({float(total['Requests/s']):.1f}/s), {failures} failures, "
             f"median {total['50%']} ms, p95 {total['95%']} ms, p99 {total['99%']} ms; server CPU "
             f"{1000 * cpu / max(requests, 1):.1f} ms per request (2 idle cores ≈ "
             f"{2000 / max(1000 * cpu / max(requests, 1), 0.1):.0f} requests/s); Locust's own CPU "
             f"{locust_cpu:.0f} s for the whole run ({1000 * locust_cpu / max(requests, 1):.1f} ms per "
             f"measured request, logins and ramp included)"]
    for row in sorted((r for r in rows if r["Name"] != "Aggregated"), key=lambda r: -float(r["95%"] or 0)):
        lines.append(f"  {row['Name']}: {row['Request Count']} requests, {row['Failure Count']} failures, "
                     f"median {row['50%']} ms, p95 {row['95%']} ms, p99 {row['99%']} ms")
    lines += [line for line in output.splitlines() if line.startswith("LOGINS ")]
    (target / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
