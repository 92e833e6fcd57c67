"""A real gunicorn process started as deployed (``gunicorn --config gunicorn.conf.py``) with
production settings on a free loopback port, without collectstatic or migrate (the tests that
use it need neither); its combined output (the access and error logs) is kept."""

import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field

from tests.test_production_start import ROOT, _free_port, _production_env, _wait_until_listening


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
def gunicorn(tmp_path):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        cwd=ROOT, env=_production_env(tmp_path, port), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    server = Server(port, process)
    try:
        _wait_until_listening(port, process)
        yield server
    finally:
        server.stop()
