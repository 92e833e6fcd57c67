"""The rules between cells and files: date order, closure fields, safeguards, ZRM
instruments and domains, membership of the dossier, decision dates."""

import pytest

from exchange.tests.test_bundle_helpers import (
    append_row,
    assert_refused,
    copy_sample,
    day_before,
    dossier,
    find,
    read_rows,
    run_import,
    set_cells,
    write_rows,
)

pytestmark = pytest.mark.django_db

ZRM_2013_ONLY = ("dagbesteding", "verslaving", "adl")
ZRM_2017_ONLY = ("werk_opleiding", "tijdsbesteding", "middelengebruik", "basale_adl", "instrumentele_adl")


# ---- date order ------------------------------------------------------------------------------


@pytest.mark.parametrize("column", ["first_contact_on", "support_started_on", "closed_on"])
def test_dossier_date_before_registration(tmp_path, column):
    bundle = copy_sample(tmp_path)
    line, row = find(bundle, "dossiers.csv", lambda r: r[column])
    set_cells(bundle, "dossiers.csv", line, **{column: day_before(row["registered_on"])})
    assert_refused(bundle, ("dossiers.csv", line, column))


def test_dates_on_the_registration_day_are_fine(tmp_path):
    bundle = copy_sample(tmp_path)
    line, row = find(bundle, "dossiers.csv", lambda r: r["closed_on"] and r["support_started_on"])
    day = row["registered_on"]
    set_cells(bundle, "dossiers.csv", line, first_contact_on=day, support_started_on=day, closed_on=day)
    for zrm_line, measurement in enumerate(read_rows(bundle, "zrm.csv")[1], start=2):
        if measurement["dossier_ref"] == row["dossier_ref"]:
            set_cells(bundle, "zrm.csv", zrm_line, measured_on=day)
    assert run_import(bundle, "--dry-run").ok


def test_measurement_before_the_registration_of_its_dossier(tmp_path):
    bundle = copy_sample(tmp_path)
    line, row = find(bundle, "zrm.csv")
    set_cells(bundle, "zrm.csv", line, measured_on=day_before(dossier(bundle, row["dossier_ref"])["registered_on"]))
    assert_refused(bundle, ("zrm.csv", line, "measured_on"))


def test_decision_before_the_request(tmp_path):
    bundle = copy_sample(tmp_path)
    line, row = find(bundle, "referrals.csv", lambda r: r["requested_on"] and r["decided_on"])
    set_cells(bundle, "referrals.csv", line, decided_on=day_before(row["requested_on"]))
    assert_refused(bundle, ("referrals.csv", line, "decided_on"))


def test_care_starting_after_it_ends(tmp_path):
    bundle = copy_sample(tmp_path)
    line, row = find(bundle, "referrals.csv", lambda r: r["starts_on"])
    set_cells(bundle, "referrals.csv", line, ends_on=day_before(row["starts_on"]))
    assert_refused(bundle, ("referrals.csv", line, "ends_on"))


# ---- closure -----------------------------------------------------------------------------------


def test_closure_fields_on_an_open_dossier(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "dossiers.csv", lambda r: not r["closed_on"])
    set_cells(bundle, "dossiers.csv", line, closure_reason="volgens_plan", can_continue_independently="ja",
              client_rating="8")
    assert_refused(bundle, ("dossiers.csv", line, "closure_reason"),
                   ("dossiers.csv", line, "can_continue_independently"), ("dossiers.csv", line, "client_rating"))


def test_closed_dossier_without_closure_reason(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "dossiers.csv", lambda r: r["closed_on"])
    set_cells(bundle, "dossiers.csv", line, closure_reason="")
    assert_refused(bundle, ("dossiers.csv", line, "closure_reason"))


def test_missing_closure_reason_is_reported_with_other_problems_of_the_row(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "dossiers.csv", lambda r: r["closed_on"])
    set_cells(bundle, "dossiers.csv", line, closure_reason="", team="nergens", client_rating="12")
    assert_refused(bundle, ("dossiers.csv", line, "closure_reason"), ("dossiers.csv", line, "team"),
                   ("dossiers.csv", line, "client_rating"))


def test_safeguard_on_an_open_dossier(tmp_path):
    bundle = copy_sample(tmp_path)
    _line, row = find(bundle, "dossiers.csv", lambda r: not r["closed_on"])
    line = append_row(bundle, "dossier_safeguards.csv", dossier_ref=row["dossier_ref"], safeguard="huisarts")
    assert_refused(bundle, ("dossier_safeguards.csv", line, "safeguard"))


def test_reopening_a_dossier_that_has_safeguards_in_the_bundle(tmp_path):
    bundle = copy_sample(tmp_path)
    dossier_ref = find(bundle, "dossier_safeguards.csv")[1]["dossier_ref"]
    line, _row = find(bundle, "dossiers.csv", lambda r: r["dossier_ref"] == dossier_ref)
    set_cells(bundle, "dossiers.csv", line, closed_on="", closure_reason="", can_continue_independently="",
              client_rating="")
    safeguard_lines = [n for n, r in enumerate(read_rows(bundle, "dossier_safeguards.csv")[1], start=2)
                       if r["dossier_ref"] == dossier_ref]
    assert_refused(bundle, *[("dossier_safeguards.csv", n, "safeguard") for n in safeguard_lines])


# ---- zrm ---------------------------------------------------------------------------------------------


def test_zrm_row_filling_a_domain_of_another_instrument(tmp_path):
    bundle = copy_sample(tmp_path)
    header, rows = read_rows(bundle, "zrm.csv")
    rows[3]["werk_opleiding"] = "3"  # a zrm-2017 domain on a zrm-2013 row (line 5)
    write_rows(bundle, "zrm.csv", [*header, "werk_opleiding"], rows)
    assert_refused(bundle, ("zrm.csv", 5, "werk_opleiding"))


def test_zrm_header_may_hold_domains_of_unused_instruments(tmp_path):
    bundle = copy_sample(tmp_path)
    header, rows = read_rows(bundle, "zrm.csv")
    write_rows(bundle, "zrm.csv", [*header, *ZRM_2017_ONLY, "opvang"], rows)
    assert run_import(bundle, "--dry-run").ok


def test_zrm_header_missing_a_domain_of_a_used_instrument(tmp_path):
    bundle = copy_sample(tmp_path)
    header, rows = read_rows(bundle, "zrm.csv")
    write_rows(bundle, "zrm.csv", [c for c in header if c != "justitie"], rows)
    assert_refused(bundle, ("zrm.csv", 1, "justitie"))


def test_zrm_header_missing_the_domains_of_a_second_instrument(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "zrm.csv")
    set_cells(bundle, "zrm.csv", line, instrument="zrm-2017", **dict.fromkeys(ZRM_2013_ONLY, ""))
    assert_refused(bundle, *[("zrm.csv", 1, code) for code in ZRM_2017_ONLY])


def test_zrm_client_who_is_not_a_member_of_the_dossier(tmp_path):
    bundle = copy_sample(tmp_path)
    line, row = find(bundle, "zrm.csv", lambda r: r["client_ref"])
    other = find(bundle, "dossier_clients.csv", lambda r: r["dossier_ref"] != row["dossier_ref"])[1]
    set_cells(bundle, "zrm.csv", line, client_ref=other["client_ref"])
    assert_refused(bundle, ("zrm.csv", line, "client_ref"))


def test_household_measurement_has_no_client(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "zrm.csv", lambda r: r["client_ref"])
    set_cells(bundle, "zrm.csv", line, client_ref="")
    assert run_import(bundle, "--dry-run").ok


# ---- referrals -----------------------------------------------------------------------------------------


def test_referral_client_who_is_not_a_member_of_the_dossier(tmp_path):
    bundle = copy_sample(tmp_path)
    line, row = find(bundle, "referrals.csv", lambda r: r["client_ref"])
    other = find(bundle, "dossier_clients.csv", lambda r: r["dossier_ref"] != row["dossier_ref"])[1]
    set_cells(bundle, "referrals.csv", line, client_ref=other["client_ref"])
    assert_refused(bundle, ("referrals.csv", line, "client_ref"))


@pytest.mark.parametrize("status", ["toegekend", "afgewezen"])
def test_decision_date_required_for_a_decision(tmp_path, status):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "referrals.csv")
    set_cells(bundle, "referrals.csv", line, status=status, decided_on="", starts_on="", ends_on="")
    assert_refused(bundle, ("referrals.csv", line, "decided_on"))


@pytest.mark.parametrize("status", ["aangevraagd", "ingetrokken"])
def test_no_decision_date_needed_without_a_decision(tmp_path, status):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "referrals.csv")
    set_cells(bundle, "referrals.csv", line, status=status, decided_on="", starts_on="", ends_on="")
    assert run_import(bundle, "--dry-run").ok
