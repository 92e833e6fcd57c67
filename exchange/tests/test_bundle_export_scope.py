"""export_bundle --team CODE: only that team's dossiers and their clients.
export_bundle --client REF: only that client's own rows, not other household members'."""

import io

import pytest
from django.core.management import CommandError, call_command

from cases.models import AccessLogEntry, Client
from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import SAMPLE, read_rows, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(db):
    assert import_bundle(SAMPLE).stored


def export(path, *args):
    call_command("export_bundle", str(path), *args, stdout=io.StringIO())
    return {name: read_rows(path, name)[1] for name in ("teams.csv", "clients.csv", "dossiers.csv",
                                                        "dossier_clients.csv", "dossier_safeguards.csv", "zrm.csv",
                                                        "referrals.csv")}


def test_team_export_holds_only_that_teams_dossiers_and_their_clients(imported, tmp_path):
    files = export(tmp_path / "noord", "--team", "noord")
    sample = {name: read_rows(SAMPLE, name)[1] for name in files}
    dossiers = {r["dossier_ref"] for r in sample["dossiers.csv"] if r["team"] == "noord"}
    members = [r for r in sample["dossier_clients.csv"] if r["dossier_ref"] in dossiers]
    assert dossiers and len(dossiers) < len(sample["dossiers.csv"])
    assert [r["code"] for r in files["teams.csv"]] == ["noord"]
    assert {r["dossier_ref"] for r in files["dossiers.csv"]} == dossiers
    assert {r["team"] for r in files["dossiers.csv"]} == {"noord"}
    assert sorted(map(dict.items, files["dossier_clients.csv"])) == sorted(map(dict.items, members))
    assert {r["client_ref"] for r in files["clients.csv"]} == {r["client_ref"] for r in members}
    for name in ("dossier_safeguards.csv", "zrm.csv", "referrals.csv"):
        expected = {r["dossier_ref"] for r in sample[name] if r["dossier_ref"] in dossiers}
        assert {r["dossier_ref"] for r in files[name]} == expected, name
        assert len(files[name]) == len([r for r in sample[name] if r["dossier_ref"] in dossiers]), name
    assert AccessLogEntry.objects.filter(action="export", detail__contains="team=noord").exists()


def test_client_export_holds_only_that_clients_own_rows(imported, tmp_path):
    sample = {name: read_rows(SAMPLE, name)[1] for name in ("dossier_clients.csv", "zrm.csv", "referrals.csv")}
    households = {}
    for row in sample["dossier_clients.csv"]:
        households.setdefault(row["dossier_ref"], []).append(row["client_ref"])
    # a client in a household with others, with measurements of their own and of the others
    ref = next(
        c for d, members in households.items() if len(members) > 1 for c in members
        if any(z["client_ref"] == c for z in sample["zrm.csv"])
        and any(z["dossier_ref"] == d and z["client_ref"] not in ("", c) for z in sample["zrm.csv"])
    )
    dossiers = {d for d, members in households.items() if ref in members}
    files = export(tmp_path / "client", "--client", ref)

    assert [r["client_ref"] for r in files["clients.csv"]] == [ref]
    assert {r["dossier_ref"] for r in files["dossiers.csv"]} == dossiers
    assert {r["client_ref"] for r in files["dossier_clients.csv"]} == {ref}
    assert {r["client_ref"] for r in files["zrm.csv"]} <= {ref, ""}  # own and household-level measurements
    assert {r["client_ref"] for r in files["referrals.csv"]} <= {ref, ""}
    own = [z for z in sample["zrm.csv"] if z["client_ref"] == ref]
    assert {z["measurement_ref"] for z in own} <= {r["measurement_ref"] for r in files["zrm.csv"]}
    household = {z["measurement_ref"] for z in sample["zrm.csv"]
                 if z["dossier_ref"] in dossiers and not z["client_ref"]}
    assert {r["measurement_ref"] for r in files["zrm.csv"]} == {z["measurement_ref"] for z in own} | household
    client = Client.objects.get(ref=ref)
    assert AccessLogEntry.objects.filter(action="export", client=client).exists()


def test_a_client_export_is_itself_a_valid_bundle(imported, tmp_path):
    ref = read_rows(SAMPLE, "dossier_clients.csv")[1][0]["client_ref"]
    export(tmp_path / "client", "--client", ref)
    state = snapshot()
    result = import_bundle(tmp_path / "client")
    assert result.stored, [str(p) for p in result.problems]
    assert snapshot() == state  # all of it is already in the system, unchanged


@pytest.mark.parametrize("args", [("--team", "nergens"), ("--client", "P-ONBEKEND")])
def test_unknown_team_or_client(imported, tmp_path, args):
    with pytest.raises(CommandError):
        call_command("export_bundle", str(tmp_path / "x"), *args, stdout=io.StringIO())
    assert not (tmp_path / "x").exists()
