"""The bytes of a bundle: UTF-8 only (a BOM is fine), RFC 4180 quoting, one cell per column."""

import pytest

from cases.models import Team
from exchange.tests.test_bundle_helpers import (
    MODELS,
    assert_refused,
    copy_sample,
    edit_line,
    find,
    read_rows,
    replace_line,
    run_import,
    write_rows,
)

pytestmark = pytest.mark.django_db


def test_latin1_bytes_are_refused(tmp_path):
    bundle = copy_sample(tmp_path)
    edit_line(bundle, "teams.csv", 3, "Buurtteam Zuid", "Buurtteam Zuid-één", encoding="latin-1")
    outcome = assert_refused(bundle, ("teams.csv", 3, "-"))
    assert "UTF-8" in outcome.problems[0][3]


def test_latin1_in_a_file_others_refer_to(tmp_path):
    bundle = copy_sample(tmp_path)
    edit_line(bundle, "clients.csv", 200, ",", ",\xe9", encoding="latin-1")  # é as the byte 0xE9
    # clients.csv cannot be read at all; the members naming its clients are not reported as missing
    assert_refused(bundle, ("clients.csv", 200, "-"))


def test_utf8_bom_is_accepted(tmp_path):
    bundle = copy_sample(tmp_path)
    for name in MODELS:
        path = bundle / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    outcome = run_import(bundle)
    assert outcome.ok, outcome.stderr
    assert Team.objects.get(code="noord").name == "Buurtteam Noord"
    assert Team.objects.get(code="noord").population == 21000


def test_quoted_cells_with_commas_quotes_and_line_breaks(tmp_path):
    bundle = copy_sample(tmp_path)
    header, rows = read_rows(bundle, "teams.csv")
    rows[0]["name"] = 'Buurtteam "Noord", centrum\nen omstreken'
    write_rows(bundle, "teams.csv", header, rows)
    outcome = run_import(bundle)
    assert outcome.ok, outcome.stderr
    assert Team.objects.get(code=rows[0]["code"]).name == 'Buurtteam "Noord", centrum\nen omstreken'


def test_text_after_a_closing_quote(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "dossiers.csv", lambda r: r["dossier_ref"] == "S0003")
    edit_line(bundle, "dossiers.csv", line, ",west,", ',"west"x,')
    # reading dossiers.csv stops there; references to its later dossiers are not reported as missing
    assert_refused(bundle, ("dossiers.csv", line, "-"))


def test_unterminated_quote_is_reported_on_the_line_it_starts(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "referrals.csv", lambda r: r["form"] == "zin")
    edit_line(bundle, "referrals.csv", line, ",zin,", ',"zin,')
    assert_refused(bundle, ("referrals.csv", line, "-"))


@pytest.mark.parametrize("change", ["one cell less", "one cell more"])
def test_wrong_number_of_cells(tmp_path, change):
    bundle = copy_sample(tmp_path)
    old = replace_line(bundle, "dossier_clients.csv", 7, "")
    replace_line(bundle, "dossier_clients.csv", 7, old.rsplit(",", 1)[0] if change == "one cell less" else old + ",x")
    outcome = assert_refused(bundle, ("dossier_clients.csv", 7, "-"), exact=False)
    # that member is missing now, so zrm/referral rows naming it may be reported as well
    assert {p for p in outcome.places if p[0] == "dossier_clients.csv"} == {("dossier_clients.csv", 7, "-")}


def test_a_row_spanning_lines_is_reported_on_its_first_line(tmp_path):
    bundle = copy_sample(tmp_path)
    replace_line(bundle, "providers.csv", 3, 'leger-des-heils,"Leger\ndes Heils",extra')
    # that row starts on line 3 and its quoted cell goes on to line 4; the next row is on line 5
    edit_line(bundle, "providers.csv", 5, "wij3,WIJ 3.0", "wij3,WIJ 3.0,extra")
    outcome = assert_refused(bundle, ("providers.csv", 3, "-"), ("providers.csv", 5, "-"), exact=False)
    assert {p for p in outcome.places if p[0] == "providers.csv"} == {("providers.csv", 3, "-"),
                                                                       ("providers.csv", 5, "-")}
