"""Gunicorn settings shared by the Docker image, docker-compose.yml and
tests/test_production_start.py, so the tested start is the deployed one.
Override per deployment with GUNICORN_BIND, GUNICORN_WORKERS and GUNICORN_TIMEOUT."""

import os

wsgi_app = "buurtteam.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# The sync worker, with a request line over limit_request_line (4094) answered as Dutch Problem
# JSON 414 instead of gunicorn's plain text (issue 26).
worker_class = "buurtteam.gunicorn_worker.ProblemJsonSyncWorker"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
accesslog = "-"
# The path without its query string and without the referrer: searches carry BSNs and names
# (?q=<bsn>, ?client=), which must not land in the server's log (issue 26).
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s" %(D)s'
errorlog = "-"
# TLS ends at a proxy in front of the app; trust its X-Forwarded-* headers only from loopback.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
