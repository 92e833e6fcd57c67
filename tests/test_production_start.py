"""Production starts: with DEBUG off, ``collectstatic`` (the Dockerfile's build step) succeeds
for every vendored file, and gunicorn, started exactly as the image and docker-compose.yml
start it (``gunicorn --config gunicorn.conf.py``), serves a page and its static files.

A real gunicorn process on a free loopback port, with production settings; no test client."""

import http.client
import json
import re
import subprocess
import sys

import pytest
import yaml

from tests.gunicorn_server import HOST, ROOT, free_port, production_env, serve


def _manage(environment: dict, *args) -> None:
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def _get(port: int, path: str) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=20)
    try:
        connection.request("GET", path, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """collectstatic and migrate with production settings, then gunicorn as deployed."""
    tmp_path = tmp_path_factory.mktemp("production")
    port = free_port()
    environment = production_env(tmp_path, port)
    _manage(environment, "collectstatic", "--no-input")
    _manage(environment, "migrate", "--no-input")
    with serve(environment, port):
        yield {"port": port, "static_root": tmp_path / "staticfiles"}


def test_collectstatic_writes_a_manifest_with_every_vendored_file(production):
    manifest = json.loads((production["static_root"] / "staticfiles.json").read_text())["paths"]
    vendored = [p.relative_to(ROOT / "static").as_posix() for p in (ROOT / "static" / "vendor").rglob("*")
                if p.is_file()]
    assert "vendor/chart.js/chart.umd.min.js" in vendored
    assert sorted(set(vendored) - set(manifest)) == []


def test_gunicorn_serves_the_login_page_and_its_hashed_static_files(production):
    port = production["port"]
    status, headers, body = _get(port, "/accounts/login/")
    assert status == 200, body[:2000]
    assert headers["content-type"].startswith("text/html")
    assert "strict-transport-security" in headers
    stylesheets = re.findall(rb'href="(/static/[^"]+\.css)"', body)
    assert stylesheets, "the login page links no stylesheet"
    for href in stylesheets:
        assert re.search(rb"\.[0-9a-f]{12}\.css$", href), f"{href!r} is not a hashed (manifest) URL"
        status, headers, _css = _get(port, href.decode())
        assert status == 200
        assert headers["content-type"].startswith("text/css")
        assert "immutable" in headers.get("cache-control", "")


def test_gunicorn_serves_the_vendored_chart_library(production):
    manifest = json.loads((production["static_root"] / "staticfiles.json").read_text())["paths"]
    hashed = manifest["vendor/chart.js/chart.umd.min.js"]
    status, _headers, body = _get(production["port"], f"/static/{hashed}")
    assert status == 200
    assert b"Chart" in body[:5000]
    # The source map it points to was collected and rewritten to its hashed name.
    mapped = re.search(rb"sourceMappingURL=(\S+)", body)
    if mapped:
        status, _headers, _map = _get(production["port"], f"/static/vendor/chart.js/{mapped.group(1).decode()}")
        assert status == 200


def test_an_unknown_page_is_the_dutch_404_not_a_debug_page(production):
    status, _headers, body = _get(production["port"], "/bestaat-niet/")
    assert status in (302, 404)  # anonymous users are sent to the login page first
    assert b"Traceback" not in body and b"DEBUG = True" not in body


def test_dockerfile_and_compose_start_the_same_way():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"DEBUG=false .*\n?.*collectstatic --no-input", dockerfile)
    assert "python scripts/fetch_static.py" in dockerfile
    assert 'CMD ["gunicorn", "--config", "gunicorn.conf.py"]' in dockerfile
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"db", "redis", "web", "worker", "beat"} <= set(services)
    assert "gunicorn --config gunicorn.conf.py" in services["web"]["command"]
    assert "migrate --no-input" in services["web"]["command"]
    assert services["web"]["environment"]["DEBUG"] == "false"
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".env" in ignored, "the image must not contain the deployment's secrets"
