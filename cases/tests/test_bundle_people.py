"""clients.csv carries the people (import-bundle.md, Additions v3): names with every
character, voorvoegsels, address, phone and e-mail import, export and import again
unchanged; a bundle without those columns leaves the names in the system alone; and
dossiers.csv carries ``regie_after`` on closed dossiers only (client-voice.md)."""

import pytest

from cases.models import Client, Dossier
from exchange.exporter import export_bundle
from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import copy_sample, find, read_rows, run_import, set_cells, write_rows

pytestmark = pytest.mark.django_db

PEOPLE = {
    "given_name": "Łucja", "family_name_prefix": "van 't", "family_name": "Şahin-Čapková",
    "address": "Kerkstraat 12 bis", "phone": "06-12345678", "email": "lucja@example.org",
}


def with_people(bundle):
    header, rows = read_rows(bundle, "clients.csv")
    for row in rows:
        row.update(dict.fromkeys(PEOPLE, ""))
    rows[0].update(PEOPLE)
    rows[1].update(given_name="O'Brien")  # only a first name
    write_rows(bundle, "clients.csv", [*header, *PEOPLE], rows)
    return rows[0]["client_ref"], rows[1]["client_ref"]


def test_people_import_export_and_import_again_unchanged(tmp_path):
    bundle = copy_sample(tmp_path)
    ref, only_first = with_people(bundle)
    assert import_bundle(bundle).stored
    client = Client.objects.get(ref=ref)
    assert {column: getattr(client, column) for column in PEOPLE} == PEOPLE
    assert client.display_name == "Łucja van 't Şahin-Čapková"
    assert Client.objects.get(ref=only_first).display_name == "O'Brien"

    exported = tmp_path / "export"
    export_bundle(exported)
    header, rows = read_rows(exported, "clients.csv")
    assert set(PEOPLE) <= set(header)
    row = next(r for r in rows if r["client_ref"] == ref)
    assert {column: row[column] for column in PEOPLE} == PEOPLE
    assert import_bundle(exported).changed.get("clients.csv", 0) == 0  # the same people: nothing changes


def test_a_bundle_without_the_columns_keeps_the_names(tmp_path):
    with_people_bundle = copy_sample(tmp_path, "with")
    ref, _only_first = with_people(with_people_bundle)
    assert import_bundle(with_people_bundle).stored
    assert import_bundle(copy_sample(tmp_path, "without")).stored  # the v1 sample: no person columns
    client = Client.objects.get(ref=ref)
    assert (client.given_name, client.family_name) == ("Łucja", "Şahin-Čapková")


def test_an_invalid_email_and_regie_after_on_an_open_dossier_are_refused(tmp_path):
    bundle = copy_sample(tmp_path)
    with_people(bundle)
    set_cells(bundle, "clients.csv", 2, email="not an address")
    line, _row = find(bundle, "dossiers.csv", lambda r: not r["closed_on"])
    header, rows = read_rows(bundle, "dossiers.csv")
    for row in rows:
        row["regie_after"] = ""
    rows[line - 2]["regie_after"] = "netwerk"
    write_rows(bundle, "dossiers.csv", [*header, "regie_after"], rows)
    outcome = run_import(bundle)
    assert not outcome.ok
    columns = {(file, column) for file, _line, column, _message in outcome.problems}
    assert ("clients.csv", "email") in columns
    assert ("dossiers.csv", "regie_after") in columns
    assert not Dossier.objects.exists()


def test_regie_after_of_a_closed_dossier_round_trips(tmp_path):
    bundle = copy_sample(tmp_path)
    line, closed = find(bundle, "dossiers.csv", lambda r: r["closed_on"])
    header, rows = read_rows(bundle, "dossiers.csv")
    for row in rows:
        row["regie_after"] = ""
    rows[line - 2]["regie_after"] = "client"
    write_rows(bundle, "dossiers.csv", [*header, "regie_after"], rows)
    assert import_bundle(bundle).stored
    assert Dossier.objects.get(ref=closed["dossier_ref"]).regie_after == "client"
    export_bundle(tmp_path / "export")
    _header, exported = read_rows(tmp_path / "export", "dossiers.csv")
    assert next(r for r in exported if r["dossier_ref"] == closed["dossier_ref"])["regie_after"] == "client"
