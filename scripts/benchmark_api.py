"""The indicators API under load, for scripts/benchmark.py (issue 16: at least 200 requests/s
for a 1,000-row page on 2 gunicorn workers).

Serves the app with gunicorn (production settings, ``gunicorn.conf.py``, ``--workers``), the
cache in Redis when one answers at $BENCHMARK_REDIS_URL (default redis://127.0.0.1:6379/14,
as deployed), else in each worker's memory; the per-client throttle raised so that it
counts but never refuses. ``clients`` threads, each with its own httpx connection pool
(keep-alive is not offered by gunicorn's sync workers: a connection per request, as a BI
tool without keep-alive would), request one 1,000-row page for ``seconds`` seconds:

- cached: the same page again and again (what the municipality's scripts do between two
  computations),
- 304: the same with If-None-Match (a client that keeps the page),
- uncached: a new URL each time (an ignored parameter), so every request reads and
  renders the rows: the cost of the first request after a recomputation.

Prints requests/s, p50 and p95 and the machine's load (1-minute average, os.getloadavg)
before and after each run, and the CPU time per request of the gunicorn workers and their
PostgreSQL backends (from /proc): on a shared machine requests/s falls with the load, the
CPU per request hardly does, so "2 cores / CPU per request" says what two idle cores would
serve (the load tool's own CPU not counted). Asserts nothing."""

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent

CLIENT_SNIPPET = """
import uuid
from reporting.models import ApiClient
_client, token = ApiClient.create_with_token(f"benchmark-{uuid.uuid4().hex[:8]}")
print("TOKEN " + token)
"""


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_url() -> str:
    url = os.environ.get("BENCHMARK_REDIS_URL", "redis://127.0.0.1:6379/14")
    try:
        import redis

        return url if redis.Redis.from_url(url, socket_connect_timeout=1).ping() else ""
    except Exception:  # no Redis: the cache stays in each worker's memory
        return ""


def _cpu_seconds(pids) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _server_pids(master: int, database_url: str) -> list[int]:
    """The gunicorn workers and the PostgreSQL backends of the database (but this probe's own)."""
    try:
        workers = [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except OSError:
        workers = []
    with psycopg.connect(database_url) as connection:
        backends = [row[0] for row in connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")]
    return workers + backends


@contextmanager
def gunicorn(env: dict, manage, workers: int, *, redis_cache: bool = True, tls: tuple[str, str] | None = None,
             threads: int | None = None, worker_class: str | None = None):
    """A gunicorn with production settings on a free port: yields (base URL, where the
    cache is, master pid). The list-page benchmark starts it too (``redis_cache=False``).
    ``tls``: (certificate, key) files: gunicorn serves HTTPS itself (the load test, whose
    client keeps the Secure cookies only over HTTPS). ``threads``/``worker_class``: gunicorn's
    (default: gunicorn.conf.py's, gthread with 2 threads)."""
    port = _free_port()
    with tempfile.TemporaryDirectory() as static_root:
        server_env = {**env, "DEBUG": "false", "SECRET_KEY": "benchmark-only-" + "k" * 50,
                      "ALLOWED_HOSTS": "127.0.0.1", "BEHIND_TLS_PROXY": "true", "STATIC_ROOT": static_root,
                      "DATABASE_CONN_MAX_AGE": "60", "GUNICORN_BIND": f"127.0.0.1:{port}",
                      "GUNICORN_WORKERS": str(workers), "LOG_LEVEL": "WARNING",
                      "API_THROTTLE_RATE": "100000000/minute"}
        if threads is not None:
            server_env["GUNICORN_THREADS"] = str(threads)
        if worker_class is not None:
            server_env["GUNICORN_WORKER_CLASS"] = worker_class
        redis_url = _redis_url() if redis_cache else ""
        if redis_url:
            server_env["CACHE_URL"] = redis_url
        manage(server_env, "collectstatic", "--no-input", "-v0")
        certificate = ["--certfile", tls[0], "--keyfile", tls[1]] if tls else []
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py",
                                   "--access-logfile", "/dev/null", *certificate],
                                  cwd=ROOT, env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        sys.exit("gunicorn did not start")
                    time.sleep(0.2)
            scheme = "https" if tls else "http"
            yield f"{scheme}://127.0.0.1:{port}", ("Redis" if redis_url else "worker memory"), server.pid
        finally:
            server.terminate()
            server.wait(timeout=30)


def _run(base: str, path: str, token: str, clients: int, seconds: float, *, pids, etag: str | None = None,
         vary: bool = False) -> dict:
    headers = {"Authorization": f"Token {token}", "X-Forwarded-Proto": "https"}
    if etag:
        headers["If-None-Match"] = etag
    timings: list[float] = []
    statuses: dict[int, int] = {}
    counter = iter(range(10**9))
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client():
        with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
            while time.monotonic() < stop:
                url = f"{path}&run={next(counter)}" if vary else path
                started = time.monotonic()
                response = http.get(url)
                elapsed = (time.monotonic() - started) * 1000
                with lock:
                    timings.append(elapsed)
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

    before = load()
    cpu = _cpu_seconds(pids)
    began = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    cpu = _cpu_seconds(pids) - cpu
    p95 = statistics.quantiles(timings, n=20)[18] if len(timings) > 1 else timings[0]
    return {"rps": len(timings) / elapsed, "p50": statistics.median(timings), "p95": p95, "n": len(timings),
            "statuses": statuses, "load": f"{before} → {load()}", "cpu_ms": 1000 * cpu / max(len(timings), 1)}


def api_throughput(env: dict, manage, period: str, *, clients: int = 4, seconds: float = 10,
                   workers: int = 2) -> list[str]:
    _, out = manage(env, "shell", "-c", CLIENT_SNIPPET)
    token = next(line for line in out.splitlines() if line.startswith("TOKEN "))[6:]
    path = f"/api/v1/indicators?period={period}"
    with gunicorn(env, manage, workers) as (base, cache, master):
        first = httpx.get(base + path, headers={"Authorization": f"Token {token}", "X-Forwarded-Proto": "https"},
                          timeout=60)
        body = first.json()
        lines = [f"GET {path}: {len(body['results']):,} rows of {body['count']:,}, {len(first.content) / 1000:.0f} kB; "
                 f"{workers} gunicorn workers, {clients} concurrent clients, {seconds:.0f} s each, cache in {cache}"]
        pids = _server_pids(master, env["DATABASE_URL"])
        for label, options in (("cached page (200)", {}), ("If-None-Match (304)", {"etag": first.headers.get("ETag")}),
                               ("uncached (new URL each request)", {"vary": True})):
            if label.startswith("If-None-Match") and not options["etag"]:
                lines.append(f"{label}: no ETag offered")
                continue
            result = _run(base, path, token, clients, seconds, pids=pids, **options)
            codes = ", ".join(f"{n} × {code}" for code, n in sorted(result["statuses"].items()))
            lines.append(f"{label}: {result['rps']:.0f} requests/s, p50 {result['p50']:.0f} ms, "
                         f"p95 {result['p95']:.0f} ms ({codes}; {result['load']}); server CPU "
                         f"{result['cpu_ms']:.1f} ms per request: 2 idle cores ≈ {2000 / result['cpu_ms']:.0f}/s")
    return lines
