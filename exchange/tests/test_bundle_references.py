"""References: every team, referrer, client, dossier, product, provider and instrument a row
names exists in the bundle or in the system; a dangling one is reported where it is named."""

import pytest

from exchange.tests.test_bundle_helpers import (
    append_row,
    assert_refused,
    copy_sample,
    find,
    run_import,
    set_cells,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "column", "value"),
    [
        ("dossiers.csv", "team", "nergens"),
        ("dossiers.csv", "referrer", "buurman"),
        ("dossier_clients.csv", "client_ref", "P99999"),
        ("dossier_clients.csv", "dossier_ref", "S9999"),
        ("dossier_safeguards.csv", "dossier_ref", "S9999"),
        ("zrm.csv", "dossier_ref", "S9999"),  # (its client_ref is then not checked for membership)
        ("zrm.csv", "instrument", "zrm-1999"),
        ("referrals.csv", "dossier_ref", "S9999"),
        ("referrals.csv", "product", "massage"),
        ("referrals.csv", "provider", "onbekende-aanbieder"),
    ],
)
def test_dangling_reference(tmp_path, name, column, value):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, name)
    set_cells(bundle, name, line, **{column: value})
    outcome = assert_refused(bundle, (name, line, column))
    assert repr(value) in outcome.problems[0][3]


def test_references_to_catalogue_data_already_in_the_system(tmp_path):
    """The shipped starter referrers and maatwerk catalogue need not be in the bundle."""
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "dossiers.csv", lambda r: r["referrer"])
    set_cells(bundle, "dossiers.csv", line, referrer="ggz")
    line, _row = find(bundle, "referrals.csv")
    set_cells(bundle, "referrals.csv", line, product="huishoudelijke-hulp", provider="careyn")
    outcome = run_import(bundle, "--dry-run")
    assert outcome.ok, outcome.stderr


def test_a_row_with_its_own_problem_is_reported_once(tmp_path):
    """A dossier refused for a bad value is not reported again by every file naming it."""
    bundle = copy_sample(tmp_path)
    line, row = find(bundle, "dossiers.csv", lambda r: r["closed_on"])
    set_cells(bundle, "dossiers.csv", line, closure_reason="afgerond")
    client_line, client = find(bundle, "clients.csv")
    set_cells(bundle, "clients.csv", client_line, gender="man")
    assert find(bundle, "dossier_safeguards.csv", lambda r: r["dossier_ref"] == row["dossier_ref"])
    assert find(bundle, "dossier_clients.csv", lambda r: r["client_ref"] == client["client_ref"])
    assert_refused(bundle, ("dossiers.csv", line, "closure_reason"), ("clients.csv", client_line, "gender"))


def test_a_later_file_may_name_a_new_client_of_the_bundle(tmp_path):
    bundle = copy_sample(tmp_path)
    append_row(bundle, "clients.csv", client_ref="P-NIEUW", gender="v")
    dossier_ref = find(bundle, "dossiers.csv")[1]["dossier_ref"]
    append_row(bundle, "dossier_clients.csv", dossier_ref=dossier_ref, client_ref="P-NIEUW", role="overig")
    assert run_import(bundle, "--dry-run").ok
