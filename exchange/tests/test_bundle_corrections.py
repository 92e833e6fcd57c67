"""A corrected bundle updates exactly the rows it names and deletes nothing; a bundle may
refer to dossiers, clients and memberships imported before, and is checked against them."""

import datetime as dt

import pytest

from cases.models import Client, Dossier, DossierMember, DossierSafeguard
from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import (
    SAMPLE,
    append_row,
    assert_refused,
    copy_sample,
    day_before,
    find,
    read_rows,
    run_import,
    set_cells,
    snapshot,
    write_rows,
)
from maatwerk.models import Referral
from zrm.models import Measurement

pytestmark = pytest.mark.django_db

DOSSIER_HEADER = ["dossier_ref", "team", "registered_on"]


@pytest.fixture
def imported(db):
    result = import_bundle(SAMPLE)
    assert result.stored, result.problems
    return snapshot()


def differences(before: dict, after: dict) -> dict:
    """Per table: {"deleted": pks, "new": pks, "changed": {pk: changed columns}}."""
    found = {}
    for table, rows in before.items():
        old = {row["id"]: row for row in rows}
        new = {row["id"]: row for row in after[table]}
        changed = {pk: {c for c in row if row[c] != new[pk][c]} for pk, row in old.items() if pk in new}
        found[table] = {
            "deleted": set(old) - set(new),
            "new": set(new) - set(old),
            "changed": {pk: columns for pk, columns in changed.items() if columns},
        }
    return found


def corrections(bundle):
    """Change a closure reason, empty one ZRM score (not applicable) and add a dossier."""
    line, closed = find(bundle, "dossiers.csv", lambda r: r["closed_on"] and r["closure_reason"] != "onbekend")
    set_cells(bundle, "dossiers.csv", line, closure_reason="onbekend")
    line, measurement = find(bundle, "zrm.csv", lambda r: r["financien"])
    set_cells(bundle, "zrm.csv", line, financien="")
    append_row(bundle, "dossiers.csv", dossier_ref="S-NIEUW", team="west", registered_on="2019-06-03")
    append_row(bundle, "clients.csv", client_ref="P-NIEUW", birth_date="1970-05-05", gender="v", postcode="3511AB")
    append_row(bundle, "dossier_clients.csv", dossier_ref="S-NIEUW", client_ref="P-NIEUW", role="aanvrager")
    return closed, measurement


def assert_only_the_corrections(before, closed, measurement):
    diff = differences(before, snapshot())
    assert all(not d["deleted"] for d in diff.values())
    dossier = Dossier.objects.get(ref=closed["dossier_ref"])
    assert dossier.closure_reason == "onbekend"
    assert diff["dossiers.csv"]["changed"] == {dossier.pk: {"closure_reason", "updated_at"}}
    assert [Dossier.objects.get(pk=pk).ref for pk in diff["dossiers.csv"]["new"]] == ["S-NIEUW"]
    scored = Measurement.objects.get(ref=measurement["measurement_ref"])
    assert "financien" not in scored.scores  # an empty score is "not applicable", never a zero
    assert diff["zrm.csv"]["changed"] == {scored.pk: {"scores", "updated_at"}}
    assert not diff["zrm.csv"]["new"]
    assert [Client.objects.get(pk=pk).ref for pk in diff["clients.csv"]["new"]] == ["P-NIEUW"]
    assert len(diff["dossier_clients.csv"]["new"]) == 1
    for table in ("teams.csv", "referrers.csv", "providers.csv", "products.csv", "dossier_safeguards.csv",
                  "referrals.csv"):
        assert diff[table] == {"deleted": set(), "new": set(), "changed": {}}, table
    assert not diff["clients.csv"]["changed"] and not diff["dossier_clients.csv"]["changed"]


def test_corrected_full_bundle_updates_exactly_what_changed(imported, tmp_path):
    bundle = copy_sample(tmp_path)
    closed, measurement = corrections(bundle)
    result = import_bundle(bundle)
    assert result.stored, result.problems
    assert {k: v for k, v in result.changed.items() if v} == {
        "dossiers.csv": 2, "zrm.csv": 1, "clients.csv": 1, "dossier_clients.csv": 1
    }
    assert_only_the_corrections(imported, closed, measurement)


def test_corrected_rows_only_deletes_nothing(imported, tmp_path):
    """A bundle of just the corrected rows: everything it leaves out stays."""
    bundle = copy_sample(tmp_path)
    closed, measurement = corrections(bundle)
    for name, keep in (("dossiers.csv", {closed["dossier_ref"], "S-NIEUW"}),
                       ("zrm.csv", {measurement["measurement_ref"]}),
                       ("clients.csv", {"P-NIEUW"}),
                       ("dossier_clients.csv", {"S-NIEUW"})):
        header, rows = read_rows(bundle, name)
        write_rows(bundle, name, header, [r for r in rows if r[header[0]] in keep])
    for name in ("teams.csv", "referrers.csv", "providers.csv", "products.csv", "dossier_safeguards.csv",
                 "referrals.csv"):
        (bundle / name).unlink()
    result = import_bundle(bundle)
    assert result.stored, result.problems
    assert_only_the_corrections(imported, closed, measurement)


def test_a_bad_corrected_bundle_changes_nothing(imported, tmp_path):
    bundle = copy_sample(tmp_path)
    corrections(bundle)
    line, _row = find(bundle, "dossiers.csv", lambda r: r["closed_on"])
    set_cells(bundle, "dossiers.csv", line, closure_reason="")
    assert_refused(bundle, ("dossiers.csv", line, "closure_reason"))  # compares with the imported state


def test_reopening_a_dossier_with_safeguards_in_the_system_is_refused(imported, tmp_path):
    bundle = copy_sample(tmp_path)
    dossier_ref = find(bundle, "dossier_safeguards.csv")[1]["dossier_ref"]
    header, rows = read_rows(bundle, "dossiers.csv")
    row = next(r for r in rows if r["dossier_ref"] == dossier_ref)
    row.update(closed_on="", closure_reason="", can_continue_independently="", client_rating="")
    write_rows(bundle, "dossiers.csv", header, [row])
    for name in ("dossier_safeguards.csv", "zrm.csv", "referrals.csv", "dossier_clients.csv"):
        (bundle / name).unlink()
    assert_refused(bundle, ("dossiers.csv", 2, "closed_on"))


# ---- a second bundle referring to the first ---------------------------------------------------------------


def second_bundle(tmp_path):
    """Only memberships, safeguards, measurements and referrals; dossiers.csv (required) has no rows."""
    bundle = tmp_path / "second"
    bundle.mkdir()
    write_rows(bundle, "dossiers.csv", DOSSIER_HEADER, [])
    return bundle


def test_second_bundle_referring_to_imported_dossiers_and_clients(imported, tmp_path):
    sample = SAMPLE
    _line, open_dossier = find(sample, "dossiers.csv", lambda r: not r["closed_on"] and r["support_started_on"])
    _line, closed_dossier = find(sample, "dossiers.csv", lambda r: r["closed_on"] and r["dossier_ref"] not in {
        s["dossier_ref"] for s in read_rows(sample, "dossier_safeguards.csv")[1]})
    member = find(sample, "dossier_clients.csv", lambda r: r["dossier_ref"] == open_dossier["dossier_ref"])[1]
    outsider = find(sample, "dossier_clients.csv", lambda r: r["dossier_ref"] != open_dossier["dossier_ref"])[1]
    header = read_rows(sample, "zrm.csv")[0]
    day = open_dossier["support_started_on"]

    bundle = second_bundle(tmp_path)
    # a client of another dossier joins this household; measurements for an existing member and for them
    write_rows(bundle, "dossier_clients.csv", ["dossier_ref", "client_ref", "role"],
               [[open_dossier["dossier_ref"], outsider["client_ref"], "overig"]])
    write_rows(bundle, "dossier_safeguards.csv", ["dossier_ref", "safeguard"],
               [[closed_dossier["dossier_ref"], "werk"]])
    write_rows(bundle, "zrm.csv", header, [
        {"measurement_ref": "M-2-1", "dossier_ref": open_dossier["dossier_ref"], "client_ref": member["client_ref"],
         "instrument": "zrm-2013", "type": "tussenmeting", "measured_on": day, "financien": "4"},
        {"measurement_ref": "M-2-2", "dossier_ref": open_dossier["dossier_ref"], "client_ref": outsider["client_ref"],
         "instrument": "zrm-2013", "type": "nulmeting", "measured_on": day, "justitie": "5"},
    ])
    write_rows(bundle, "referrals.csv", ["referral_ref", "dossier_ref", "client_ref", "product", "provider", "status",
                                         "requested_on"],
               [["V-2-1", open_dossier["dossier_ref"], member["client_ref"], "iab", "lister", "aangevraagd", day]])
    result = import_bundle(bundle)
    assert result.stored, [str(p) for p in result.problems]
    assert {k: v for k, v in result.changed.items() if v} == {
        "dossier_clients.csv": 1, "dossier_safeguards.csv": 1, "zrm.csv": 2, "referrals.csv": 1
    }
    target = Dossier.objects.get(ref=open_dossier["dossier_ref"])
    assert DossierMember.objects.filter(dossier=target, client__ref=outsider["client_ref"], role="overig").exists()
    assert DossierSafeguard.objects.filter(dossier__ref=closed_dossier["dossier_ref"], safeguard="werk").exists()
    first = Measurement.objects.get(ref="M-2-1")
    assert (first.dossier_id, first.client.ref, first.scores) == (target.pk, member["client_ref"], {"financien": 4})
    assert Measurement.objects.get(ref="M-2-2").client.ref == outsider["client_ref"]
    referral = Referral.objects.get(ref="V-2-1")
    assert (referral.dossier_id, referral.client.ref, referral.product.code) == (target.pk, member["client_ref"], "iab")


def test_second_bundle_is_checked_against_the_system(imported, tmp_path):
    _line, open_dossier = find(SAMPLE, "dossiers.csv", lambda r: not r["closed_on"])
    outsider = find(SAMPLE, "dossier_clients.csv", lambda r: r["dossier_ref"] != open_dossier["dossier_ref"])[1]
    header = read_rows(SAMPLE, "zrm.csv")[0]
    bundle = second_bundle(tmp_path)
    write_rows(bundle, "dossier_safeguards.csv", ["dossier_ref", "safeguard"],
               [[open_dossier["dossier_ref"], "werk"]])
    write_rows(bundle, "zrm.csv", header, [
        {"measurement_ref": "M-2-1", "dossier_ref": open_dossier["dossier_ref"], "client_ref": outsider["client_ref"],
         "instrument": "zrm-2013", "type": "nulmeting", "measured_on": open_dossier["registered_on"]},
        {"measurement_ref": "M-2-2", "dossier_ref": open_dossier["dossier_ref"], "instrument": "zrm-2013",
         "type": "nulmeting", "measured_on": day_before(open_dossier["registered_on"])},
    ])
    write_rows(bundle, "referrals.csv", ["referral_ref", "dossier_ref", "client_ref", "product", "provider", "status"],
               [["V-2-1", open_dossier["dossier_ref"], outsider["client_ref"], "iab", "lister", "aangevraagd"],
                ["V-2-2", "S-ONBEKEND", "", "iab", "lister", "aangevraagd"]])
    assert_refused(bundle, ("dossier_safeguards.csv", 2, "safeguard"), ("zrm.csv", 2, "client_ref"),
                   ("zrm.csv", 3, "measured_on"), ("referrals.csv", 2, "client_ref"),
                   ("referrals.csv", 3, "dossier_ref"))


def test_corrected_dossiers_with_measurements_keep_their_members(imported, tmp_path):
    """dossiers.csv and zrm.csv without dossier_clients.csv: the members are in the system."""
    bundle = copy_sample(tmp_path)
    for name in ("dossier_clients.csv", "dossier_safeguards.csv", "referrals.csv", "clients.csv"):
        (bundle / name).unlink()
    line, row = find(bundle, "zrm.csv", lambda r: r["client_ref"] and r["financien"] != "1")
    set_cells(bundle, "zrm.csv", line, financien="1")
    result = import_bundle(bundle)
    assert result.stored, [str(p) for p in result.problems[:5]]
    assert {k: v for k, v in result.changed.items() if v} == {"zrm.csv": 1}
    assert Measurement.objects.get(ref=row["measurement_ref"]).scores["financien"] == 1
    assert dt.date.fromisoformat(row["measured_on"]) == Measurement.objects.get(ref=row["measurement_ref"]).measured_on
    assert run_import(bundle).ok
