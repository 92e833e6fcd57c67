"""`manage.py check --deploy` is clean with production settings, and production refuses
to start without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    ignored = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {k: v for k, v in os.environ.items() if k not in ignored}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7Qp2vR9sT4wY8zA1bC3dE5fG6hJ0kL2mN4pQ6rS8tU0vW2xY4zk",
    "ALLOWED_HOSTS": "buurtteam.example.nl",
    "CACHE_URL": "redis://127.0.0.1:6379/15",  # not connected to by the check
}


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_a_shared_cache():
    """Throttles and one-time form keys count in the cache: per process without CACHE_URL."""
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION, "CACHE_URL": ""})
    assert result.returncode != 0
    assert "buurtteam.W001" in result.stdout + result.stderr


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DEBUG="false", ALLOWED_HOSTS="buurtteam.example.nl")
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr
