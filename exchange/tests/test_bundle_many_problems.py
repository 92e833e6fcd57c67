"""One run lists every problem of a bundle, in every file, and the command exits non-zero
without a traceback (as on the command line)."""

import io
import sys

import pytest
from django.core.management import ManagementUtility, base

from exchange.tests.test_bundle_helpers import (
    append_row,
    assert_refused,
    copy_sample,
    find,
    read_rows,
    set_cells,
    snapshot,
    write_rows,
)

pytestmark = pytest.mark.django_db


def broken_bundle(tmp_path):
    bundle = copy_sample(tmp_path)
    header, rows = read_rows(bundle, "teams.csv")
    write_rows(bundle, "teams.csv", [*header, "wijk"], rows)  # unknown column
    set_cells(bundle, "clients.csv", 3, bsn="123456789", postcode="3511 ab")
    open_line, _row = find(bundle, "dossiers.csv", lambda r: not r["closed_on"])
    set_cells(bundle, "dossiers.csv", open_line, client_rating="9")
    closed_line, _row = find(bundle, "dossiers.csv", lambda r: r["closed_on"])
    set_cells(bundle, "dossiers.csv", closed_line, closure_reason="", registered_on="2019-02-30")
    set_cells(bundle, "dossier_clients.csv", 4, role="opa")
    set_cells(bundle, "zrm.csv", 10, financien="7", type="")
    set_cells(bundle, "zrm.csv", 11, measured_on="2999-01-01")
    duplicate = append_row(bundle, "referrals.csv", **read_rows(bundle, "referrals.csv")[1][0])
    (bundle / "extra.csv").write_text("x\n1\n", encoding="utf-8")
    return bundle, [
        ("extra.csv", 0, "-"),
        ("teams.csv", 1, "wijk"),
        ("clients.csv", 3, "bsn"),
        ("clients.csv", 3, "postcode"),
        ("dossiers.csv", open_line, "client_rating"),
        ("dossiers.csv", closed_line, "closure_reason"),
        ("dossiers.csv", closed_line, "registered_on"),
        ("dossier_clients.csv", 4, "role"),
        ("zrm.csv", 10, "financien"),
        ("zrm.csv", 10, "type"),
        ("zrm.csv", 11, "measured_on"),
        ("referrals.csv", duplicate, "referral_ref"),
    ]


def test_every_problem_is_listed(tmp_path):
    bundle, expected = broken_bundle(tmp_path)
    outcome = assert_refused(bundle, *expected)
    assert str(len(expected)) in outcome.error


def test_the_command_line_exits_non_zero_without_a_traceback(tmp_path, monkeypatch):
    bundle, expected = broken_bundle(tmp_path)
    before = snapshot()
    stdout, stderr = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    # run_from_argv closes the database connections when it ends: keep the test's transaction
    monkeypatch.setattr(base.connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "import_bundle", str(bundle)]).execute()
    assert exit_info.value.code not in (0, None)
    output = stdout.getvalue() + stderr.getvalue()
    assert "Traceback" not in output
    for file, line, column in expected:
        assert f"{file}:{line}: {column}: " in stderr.getvalue()
    assert snapshot() == before
