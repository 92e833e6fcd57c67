"""Cell values: dates (format, impossible days, the future), BSN elfproef, postcode, codes,
ratings, ZRM scores, numbers, lengths and required cells. Each bad value is reported on
its own file, line and column; the command fails and nothing is stored."""

import datetime as dt

import pytest

from cases.models import Client, Referrer
from exchange.tests.test_bundle_helpers import (
    append_row,
    assert_refused,
    copy_sample,
    find,
    run_import,
    set_cells,
    today,
)

pytestmark = pytest.mark.django_db

ANY = lambda row: True  # noqa: E731


def refuse_value(tmp_path, name, column, value, predicate=ANY, **other_cells):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, name, predicate)
    set_cells(bundle, name, line, **other_cells, **{column: value})
    return assert_refused(bundle, (name, line, column))


@pytest.mark.parametrize(
    ("name", "column", "value"),
    [
        ("clients.csv", "birth_date", "30-01-1990"),
        ("clients.csv", "birth_date", "1990-1-30"),
        ("clients.csv", "birth_date", "1990-01-30 "),
        ("dossiers.csv", "registered_on", "2019-02-30"),  # impossible day
        ("dossiers.csv", "registered_on", "20190211"),
        ("dossiers.csv", "first_contact_on", "2018/06/04"),
        ("dossiers.csv", "closed_on", "2019-02-29"),  # 2019 is no leap year
        ("zrm.csv", "measured_on", "2018-13-01"),
        ("referrals.csv", "requested_on", "gisteren"),
        ("referrals.csv", "ends_on", "2019-04-31"),
    ],
)
def test_invalid_date(tmp_path, name, column, value):
    outcome = refuse_value(tmp_path, name, column, value, (lambda r: r["closed_on"]) if column == "closed_on" else ANY)
    assert repr(value) in outcome.problems[0][3]


def test_a_leap_day_is_a_date(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "clients.csv")
    set_cells(bundle, "clients.csv", line, birth_date="1988-02-29")
    assert run_import(bundle, "--dry-run").ok


REQUESTED = {"status": "aangevraagd", "decided_on": "", "starts_on": "", "ends_on": ""}


@pytest.mark.parametrize(
    ("name", "column", "predicate", "other_cells"),
    [
        ("clients.csv", "birth_date", ANY, {}),
        ("dossiers.csv", "first_contact_on", ANY, {}),
        ("dossiers.csv", "support_started_on", lambda r: r["support_started_on"], {}),
        ("dossiers.csv", "closed_on", lambda r: r["closed_on"], {}),
        ("zrm.csv", "measured_on", ANY, {}),
        ("referrals.csv", "requested_on", ANY, REQUESTED),
        ("referrals.csv", "decided_on", lambda r: r["decided_on"], {}),
    ],
)
def test_date_in_the_future(tmp_path, name, column, predicate, other_cells):
    tomorrow = (today() + dt.timedelta(days=1)).isoformat()
    outcome = refuse_value(tmp_path, name, column, tomorrow, predicate, **other_cells)
    assert tomorrow in outcome.problems[0][3]


def test_registration_in_the_future(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "dossiers.csv")
    set_cells(bundle, "dossiers.csv", line, registered_on=(today() + dt.timedelta(days=3)).isoformat())
    assert_refused(bundle, ("dossiers.csv", line, "registered_on"), exact=False)


def test_care_may_start_and_end_in_the_future(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "referrals.csv", lambda r: r["status"] == "toegekend")
    set_cells(bundle, "referrals.csv", line, starts_on=(today() + dt.timedelta(days=10)).isoformat(),
              ends_on=(today() + dt.timedelta(days=300)).isoformat())
    assert run_import(bundle, "--dry-run").ok


@pytest.mark.parametrize("bsn", ["123456789", "12345678", "1234567820", "12345678a", "000000000", "１２３４５６７８２"])
def test_bsn_failing_the_elfproef(tmp_path, bsn):
    refuse_value(tmp_path, "clients.csv", "bsn", bsn)


def test_bsn_passing_the_elfproef_is_stored(tmp_path):
    bundle = copy_sample(tmp_path)
    line, row = find(bundle, "clients.csv")
    set_cells(bundle, "clients.csv", line, bsn="123456782")
    assert run_import(bundle).ok
    assert Client.objects.get(ref=row["client_ref"]).bsn == "123456782"


@pytest.mark.parametrize("postcode", ["3511 AB", "3511ab", "0511AB", "351AB", "3511ABC", "AB3511"])
def test_bad_postcode(tmp_path, postcode):
    refuse_value(tmp_path, "clients.csv", "postcode", postcode)


@pytest.mark.parametrize(
    ("name", "column", "value", "predicate"),
    [
        ("dossiers.csv", "closure_reason", "afgerond", lambda r: r["closed_on"]),
        ("dossiers.csv", "can_continue_independently", "misschien", lambda r: r["closed_on"]),
        ("dossiers.csv", "first_contact_location", "telefonisch", ANY),
        ("dossier_clients.csv", "role", "ouder", ANY),
        ("dossier_safeguards.csv", "safeguard", "kerk", ANY),
        ("zrm.csv", "type", "beginmeting", ANY),
        ("referrals.csv", "status", "goedgekeurd", ANY),
        ("referrals.csv", "form", "natura", ANY),
        ("products.csv", "category", "zorg", ANY),
        ("clients.csv", "gender", "man", ANY),
        ("clients.csv", "gender", "M", ANY),
    ],
)
def test_unknown_code(tmp_path, name, column, value, predicate):
    outcome = refuse_value(tmp_path, name, column, value, predicate)
    assert repr(value) in outcome.problems[0][3]


@pytest.mark.parametrize("rating", ["0", "11", "7.5", "8,0", "acht", "-1", "+8"])
def test_client_rating_outside_1_to_10_or_not_whole(tmp_path, rating):
    refuse_value(tmp_path, "dossiers.csv", "client_rating", rating, lambda r: r["closed_on"])


@pytest.mark.parametrize("score", ["0", "6", "2.5", "x", " 3", "n.v.t."])
def test_zrm_score_outside_1_to_5(tmp_path, score):
    refuse_value(tmp_path, "zrm.csv", "financien", score)


@pytest.mark.parametrize(
    ("name", "column", "value"),
    [
        ("teams.csv", "population", "-5"),
        ("teams.csv", "population", "21.000"),
        ("teams.csv", "fte", "twaalf"),
        ("teams.csv", "fte", "1.234"),  # the database keeps two decimals
        ("teams.csv", "fte", "-1"),
        ("referrers.csv", "self_referral", "ja"),
    ],
)
def test_other_bad_values(tmp_path, name, column, value):
    refuse_value(tmp_path, name, column, value)


@pytest.mark.parametrize(
    ("name", "column"),
    [("dossiers.csv", "team"), ("dossiers.csv", "registered_on"), ("zrm.csv", "measured_on"),
     ("zrm.csv", "type"), ("referrals.csv", "status"), ("products.csv", "name")],
)
def test_required_value_missing(tmp_path, name, column):
    refuse_value(tmp_path, name, column, "")


@pytest.mark.parametrize("code", ["Noord Oost", "noord/oost", "zuid!"])
def test_a_catalogue_code_is_a_slug(tmp_path, code):
    bundle = copy_sample(tmp_path)
    line = append_row(bundle, "referrers.csv", code=code, name="Nieuw", self_referral="false")
    assert_refused(bundle, ("referrers.csv", line, "code"))


def test_values_longer_than_the_database_keeps(tmp_path):
    bundle = copy_sample(tmp_path)
    team_line = append_row(bundle, "teams.csv", code="t" * 61, name="Te lang")
    dossier_line = append_row(bundle, "dossiers.csv", dossier_ref="D" * 65, team="noord", registered_on="2019-01-07",
                              lead_worker="w" * 151)
    assert_refused(bundle, ("teams.csv", team_line, "code"), ("dossiers.csv", dossier_line, "dossier_ref"),
                   ("dossiers.csv", dossier_line, "lead_worker"))


def test_a_new_referrer_is_stored(tmp_path):
    bundle = copy_sample(tmp_path)
    append_row(bundle, "referrers.csv", code="bibliotheek", name="Bibliotheek", self_referral="false")
    assert run_import(bundle).ok
    assert Referrer.objects.get(code="bibliotheek").name == "Bibliotheek"
