"""Gunicorn settings shared by the Docker image, docker-compose.yml and
tests/test_production_start.py, so the tested start is the deployed one.
Override per deployment with GUNICORN_BIND, GUNICORN_WORKERS and GUNICORN_TIMEOUT."""

import os

wsgi_app = "buurtteam.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
accesslog = "-"
errorlog = "-"
# TLS ends at a proxy in front of the app; trust its X-Forwarded-* headers only from loopback.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
