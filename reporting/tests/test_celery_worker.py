"""The compute task through a real Redis broker to a real `celery worker` process."""

import datetime as dt
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from buurtteam.celery import app
from cases.factories import household
from conftest import REQUIRE_SERVICES
from reporting.models import IndicatorRow, PeriodComputation
from reporting.tasks import compute_indicators

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("BUURTTEAM_TEST_REDIS_URL", "")


def _redis_available() -> bool:
    if not REDIS_URL:
        return False
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(transactional_db):
    if not _redis_available():
        if REQUIRE_SERVICES:
            pytest.fail("Redis is required (BUURTTEAM_TEST_REDIS_URL) for the worker test.")
        pytest.skip("needs Redis: set BUURTTEAM_TEST_REDIS_URL")
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a shared database server (PostgreSQL)")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "DATABASE_URL": _database_url(), "CELERY_BROKER_URL": REDIS_URL,
           "CELERY_TASK_ALWAYS_EAGER": "false", "DATABASE_CONN_MAX_AGE": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "buurtteam", "worker", "--pool", "solo", "--queues", queue,
         "--loglevel", "INFO", "--without-heartbeat", "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        yield queue
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
        print(output)


def test_compute_task_runs_on_a_real_worker_through_redis(worker, team_a):
    household(team_a, registered_on=dt.date(2019, 2, 1))
    with app.connection_for_write(REDIS_URL) as broker:
        compute_indicators.apply_async(args=[["2019-Q1"]], queue=worker, connection=broker)
    deadline = time.monotonic() + 90
    while not PeriodComputation.objects.filter(period="2019-03", computed_at__isnull=False).exists():
        assert time.monotonic() < deadline, "the worker did not compute the period in time"
        time.sleep(0.5)
    row = IndicatorRow.objects.get(period="2019-Q1", team=team_a, indicator="dossiers_registered")
    assert (row.value, row.count) == (1.0, 1)
