"""The public v3-bundle sample, whole: one import of every file it holds, one computation of
2019-Q2 (with its months), 2019-H1 and 2019, and every row of v3-bundle-expected.csv (all v3
families: Wmo toegang, short contacts, early signals, client voice) comes out exactly (values to
1e-9), with no other row of those families. The per-family tests import only the files a family
needs; this one proves the families do not disturb each other. SQLite and PostgreSQL."""

from reporting.tests.v3_sample import BUNDLE, assert_same_rows, expected_rows, import_and_compute

EXPECTED_ROWS = 1477  # the sample's rows (the file has 1,478 lines with its header)


def test_every_v3_row_from_one_import_of_the_whole_sample(db, tmp_path):
    files = sorted(path.name for path in BUNDLE.iterdir() if path.suffix == ".csv")
    expected = expected_rows()
    computed = import_and_compute(tmp_path, files, {key[2] for key in expected})
    assert_same_rows(expected, computed, EXPECTED_ROWS)
