"""A key occurs once per file: codes, refs, memberships and safeguards."""

import pytest

from exchange.tests.test_bundle_helpers import (
    append_row,
    assert_refused,
    copy_sample,
    find,
    read_rows,
    run_import,
    write_rows,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("teams.csv", "code"),
        ("referrers.csv", "code"),
        ("providers.csv", "code"),
        ("products.csv", "code"),
        ("clients.csv", "client_ref"),
        ("dossiers.csv", "dossier_ref"),
        ("dossier_clients.csv", "client_ref"),  # the key is (dossier_ref, client_ref)
        ("dossier_safeguards.csv", "safeguard"),  # the key is (dossier_ref, safeguard)
        ("zrm.csv", "measurement_ref"),
        ("referrals.csv", "referral_ref"),
    ],
)
def test_duplicate_key(tmp_path, name, column):
    bundle = copy_sample(tmp_path)
    header, rows = read_rows(bundle, name)
    rows.append(dict(rows[0]))  # the first data row (line 2) once more
    write_rows(bundle, name, header, rows)
    outcome = assert_refused(bundle, (name, len(rows) + 1, column))
    assert "2" in outcome.problems[0][3]  # it names the line of the first occurrence


def test_the_same_client_in_two_dossiers_is_fine(tmp_path):
    bundle = copy_sample(tmp_path)
    client_ref = find(bundle, "dossier_clients.csv")[1]["client_ref"]
    other_dossier = find(bundle, "dossiers.csv", lambda r: r["dossier_ref"] != "S0000")[1]["dossier_ref"]
    append_row(bundle, "dossier_clients.csv", dossier_ref=other_dossier, client_ref=client_ref, role="overig")
    assert run_import(bundle, "--dry-run").ok
