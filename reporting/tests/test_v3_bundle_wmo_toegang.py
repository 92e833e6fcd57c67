"""The public v3-bundle sample, Wmo toegang family: import its teams, catalogue, people,
dossiers, meldingen and referrals (``tests.bundles.importable_copy``), compute 2019-Q2 (with its
months), 2019-H1 and 2019, and every row of the family in v3-bundle-expected.csv comes out
exactly (values to 1e-9; maatwerk_cost_granted in euros, rounded to cents), with no other row
of the family. Runs on SQLite and on PostgreSQL."""

import pytest

from reporting.indicators.catalogue import FAMILIES
from reporting.tests.v3_sample import CHECKED, assert_same_rows, expected_rows, import_and_compute

FILES = ["teams.csv", "referrers.csv", "providers.csv", "products.csv", "clients.csv", "dossiers.csv",
         "dossier_clients.csv", "wmo_meldingen.csv", "referrals.csv"]
CODES = set(FAMILIES["wmo_toegang"])
EXPECTED_ROWS = 277


@pytest.fixture
def computed(db, tmp_path):
    return import_and_compute(tmp_path, FILES, CODES)


def test_the_sample_holds_every_code_of_the_family():
    assert {key[2] for key in expected_rows(CODES)} == CODES
    assert {key[0] for key in expected_rows(CODES)} == set(CHECKED)


def test_every_row_of_the_family_and_no_other(computed):
    assert_same_rows(expected_rows(CODES), computed, EXPECTED_ROWS)
