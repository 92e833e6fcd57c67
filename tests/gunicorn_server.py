"""A real gunicorn process started as deployed (``gunicorn --config gunicorn.conf.py``) with
production settings on a free loopback port; its combined output (the access and error logs)
is kept. ``gunicorn(tmp_path)`` starts one without collectstatic or migrate (the tests that use
it need neither); ``serve(environment, port)`` starts one in an environment prepared by the
caller (tests/test_production_start.py runs collectstatic and migrate first)."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECRET = "p7Rk2vQ9sT4wY8zA1bC3dE5fG6hJ0kL2mN4pQ6rS8tU0vW2xY4zQ"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def production_env(tmp_path: Path, port: int) -> dict:
    removed = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "STATIC_ROOT", "DJANGO_ALLOW_ASYNC_UNSAFE",
               "CELERY_BROKER_URL", "CACHE_URL", "SECURE_SSL_REDIRECT")
    environment = {k: v for k, v in os.environ.items() if k not in removed}
    environment.update(
        DEBUG="false",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "staticfiles"),
        BEHIND_TLS_PROXY="true",  # as in .env.example: TLS ends at the proxy
        GUNICORN_BIND=f"{HOST}:{port}",
        GUNICORN_WORKERS="1",
        DJANGO_SETTINGS_MODULE="buurtteam.settings",
    )
    return environment


def _wait_until_listening(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited with {server.returncode}: {server.stdout.read()[-3000:]}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not start listening within 60 s")


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    output: list[str] = field(default_factory=list)

    def stop(self) -> str:
        """Stop the server and return everything it wrote."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not self.output:
            self.output.append(self.process.stdout.read())
        return self.output[0]


@contextmanager
def serve(environment: dict, port: int):
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    server = Server(port, process)
    try:
        _wait_until_listening(port, process)
        yield server
    finally:
        server.stop()


@contextmanager
def gunicorn(tmp_path):
    port = free_port()
    with serve(production_env(tmp_path, port), port) as server:
        yield server
