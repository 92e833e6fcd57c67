"""gunicorn's workers (gthread, the default, and sync), except that a request line longer than ``limit_request_line``
(gunicorn refuses it before Django sees it) is answered as Dutch Problem JSON (RFC 9457) with
status 414 instead of gunicorn's English plain text (issue 26). The API promises Problem JSON
for every error; at this point gunicorn has not parsed the path, so every too-long line gets
the same answer (a browser shows the JSON; only a tampered URL is this long).
Configured in gunicorn.conf.py (``worker_class``); no Django import: it runs before Django."""

import json

from gunicorn.http.errors import LimitRequestLine
from gunicorn.workers.gthread import ThreadWorker
from gunicorn.workers.sync import SyncWorker

PROBLEM = {
    "type": "about:blank",
    "title": "URL te lang",
    "status": 414,
    "detail": "Het adres van het verzoek is te lang. Gebruik minder of kortere parameters.",
}


def problem_response() -> bytes:
    body = json.dumps(PROBLEM, ensure_ascii=False).encode()
    head = ("HTTP/1.1 414 URI Too Long\r\nConnection: close\r\n"
            "Content-Type: application/problem+json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    return head + body


def answer_too_long(worker, req, client, addr, exc) -> bool:
    """Answer a too-long request line as Problem JSON; False for any other error."""
    if not isinstance(exc, LimitRequestLine):
        return False
    worker.log.warning("Request line too long from ip=%s: %s", (addr or ("",))[0], exc)
    try:
        client.sendall(problem_response())
    except OSError:
        worker.log.debug("Failed to send the 414 answer.")
    return True


class ProblemJsonThreadWorker(ThreadWorker):
    def handle_error(self, req, client, addr, exc):
        if not answer_too_long(self, req, client, addr, exc):
            super().handle_error(req, client, addr, exc)


class ProblemJsonSyncWorker(SyncWorker):
    def handle_error(self, req, client, addr, exc):
        if not answer_too_long(self, req, client, addr, exc):
            super().handle_error(req, client, addr, exc)
