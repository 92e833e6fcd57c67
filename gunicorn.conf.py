"""Gunicorn settings shared by the Docker image, docker-compose.yml and
tests/test_production_start.py, so the tested start is the deployed one.
Override per deployment with GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS,
GUNICORN_WORKER_CLASS, GUNICORN_KEEPALIVE and GUNICORN_TIMEOUT.

Threaded workers (gthread) by default (issue 32, docs/adr/0210): a page spends a good part of
its time waiting for PostgreSQL (15-30 ms of a list page), during which a sync worker holds
its process idle and every other request queues behind it; a sync worker also closes the
connection after each response, so the proxy (or the load test's client) opens a new one,
TLS included, per request. With threads, a worker serves another request while one waits
and keeps connections alive. Python's GIL lets one thread of a process run Python at a time,
and a worker may take a second request while another worker idles, so the CPU is still
shared out by processes: two workers per core, two threads each (measured in docs/adr/0210)."""

import os

wsgi_app = "buurtteam.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1))))
# gthread, with a request line over limit_request_line (4094) answered as Dutch Problem JSON 414
# instead of gunicorn's plain text (issue 26); GUNICORN_WORKER_CLASS=sync takes the sync worker
# that does the same.
_worker = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
worker_class = {
    "gthread": "buurtteam.gunicorn_worker.ProblemJsonThreadWorker",
    "sync": "buurtteam.gunicorn_worker.ProblemJsonSyncWorker",
}.get(_worker, _worker)
# Each thread keeps its own PostgreSQL connection (DATABASE_CONN_MAX_AGE): workers x threads
# connections per host, which max_connections (or a pooler) must allow for every host.
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# Seconds an idle connection stays open: longer than the proxy's (or client's) own idle timeout
# (60 s is common), so the other side always closes first. A server that closes first races
# the next request on that connection, which then fails ("Remote end closed connection
# without response": 1 in 20 requests of a load-test smoke run with 5 s against 5-15 s of
# think time).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
accesslog = "-"
# The path without its query string and without the referrer: searches carry BSNs and names
# (?q=<bsn>, ?client=), which must not land in the server's log (issue 26).
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s" %(D)s'
errorlog = "-"
# TLS ends at a proxy in front of the app; trust its X-Forwarded-* headers only from loopback.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
