"""Dashboards and the municipality API read the figures from a PostgreSQL read replica when
one is configured (``DATABASE_REPLICA_URL``; README "Scaling out").

``ReplicaReadsMiddleware`` marks a GET or HEAD request of a dashboard page (the ``reporting``
URLs) or of the API (``api-*`` URLs); while it is marked, ``ReplicaRouter`` sends the reads
of the ``reporting`` tables (indicator rows, frozen versions, computations) to the alias
``replica``. Everything else reads and writes the primary: sessions, users and second
factors (a login must see itself at once), the access log, personal data, and every
computation, freeze and import (their reads must see their own writes). Without a replica
the router answers nothing and Django uses ``default`` for all."""

import contextvars

from django.conf import settings

REPLICA = "replica"
ROUTED_APPS = frozenset({"reporting"})

_marked = contextvars.ContextVar("replica_reads", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _marked.get() and model._meta.app_label in ROUTED_APPS and replica_configured():
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return None  # always the primary

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # the replica follows the primary's schema by replication


def is_figures_page(match) -> bool:
    return match is not None and (match.app_name == "reporting" or (match.url_name or "").startswith("api-"))


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _marked.set(False)
        try:
            return self.get_response(request)
        finally:
            _marked.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in ("GET", "HEAD") and is_figures_page(request.resolver_match):
            _marked.set(True)
