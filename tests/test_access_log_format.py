"""Issue 26 (should fix): BSNs in query strings never reach gunicorn's access log. The format
logs the path without query string and without the referrer (which carries one too)."""

import runpy
from pathlib import Path


def test_the_access_log_has_no_query_string_or_referrer():
    config = runpy.run_path(str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py"))
    fmt = config["access_log_format"]
    assert "%(U)s" in fmt
    for leaking in ("%(r)s", "%(q)s", "%(f)s", "%({"):
        assert leaking not in fmt
