"""Issue 26: gunicorn refuses a request line longer than its ``limit_request_line`` before
Django sees it; the API still answers it as Dutch Problem JSON with status 414
(buurtteam.gunicorn_worker). A real gunicorn process started as deployed
(``gunicorn --config gunicorn.conf.py``), spoken to over a raw socket."""

import json
import socket

import pytest

from tests import gunicorn_server
from tests.gunicorn_server import HOST


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    with gunicorn_server.gunicorn(tmp_path_factory.mktemp("long-url")) as server:
        yield server.port


def raw_get(port: int, target: str, headers: str = "") -> tuple[str, dict, bytes]:
    with socket.create_connection((HOST, port), timeout=20) as connection:
        connection.sendall(f"GET {target} HTTP/1.1\r\nHost: {HOST}\r\nX-Forwarded-Proto: https\r\n"
                           f"Accept: application/json\r\nConnection: close\r\n{headers}\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in header_lines)}
    return status_line, headers, body


def test_an_over_long_api_url_is_dutch_problem_json(gunicorn):
    status_line, headers, body = raw_get(gunicorn, "/api/v1/indicators?period=" + "2019-Q2," * 800)
    assert status_line.startswith("HTTP/1.1 414"), status_line
    assert headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == 414
    assert problem["title"] == "URL te lang" and problem["detail"].startswith("Het adres van het verzoek is te lang")
    assert int(headers["content-length"]) == len(body)


def test_a_url_within_the_limit_still_reaches_django(gunicorn):
    status_line, headers, _body = raw_get(gunicorn, "/api/v1/indicators?period=" + "2019-Q2," * 100)
    assert status_line.startswith("HTTP/1.1 401"), status_line  # Django's answer: no token
    assert headers["content-type"].startswith("application/problem+json")
