"""consents.csv (plan.md): the sample's consents import, every rule is refused (all problems
of one run as ``file:line: column: message``, nothing stored), import -> export -> import is
lossless, and a consent without a dossier travels with its client."""

import datetime as dt

import pytest
from django.db import transaction

from exchange.exporter import export_bundle
from exchange.importer import import_bundle
from plans.models import Consent
from plans.tests.bundle_helpers import importable_copy, read, write

pytestmark = pytest.mark.django_db


def places(result) -> set[tuple[str, int, str]]:
    return {(p.file, p.line, p.column) for p in result.problems}


def test_the_sample_consents_import(tmp_path):
    bundle = importable_copy(tmp_path / "sample")
    _h, rows = read(bundle, "consents.csv")
    result = import_bundle(bundle)
    assert result.stored, [str(p) for p in result.problems[:10]]
    assert Consent.objects.count() == len(rows) > 0
    first = Consent.objects.select_related("client", "dossier").get(ref=rows[0]["consent_ref"])
    assert (first.client.ref, first.dossier.ref, first.recipient, first.form, first.given_on.isoformat()) == (
        rows[0]["client_ref"], rows[0]["dossier_ref"], rows[0]["recipient"], rows[0]["form"], rows[0]["given_on"])
    assert first.recorded_by is None  # who recorded it in the source system is unknown


def test_every_bad_consent_is_reported_and_nothing_is_stored(tmp_path):
    bundle = importable_copy(tmp_path / "bad")
    header, consents = read(bundle, "consents.csv")
    _mh, members = read(bundle, "dossier_clients.csv")
    in_dossier = {(m["dossier_ref"], m["client_ref"]) for m in members}
    expected = set()
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()

    def edit(index, column, **values):
        consents[index].update(values)
        expected.add(("consents.csv", index + 2, column))

    stranger = next(m["client_ref"] for m in members if (consents[0]["dossier_ref"], m["client_ref"]) not in in_dossier)
    edit(0, "client_ref", client_ref=stranger)  # not a member of the dossier
    edit(1, "client_ref", client_ref="K999999", dossier_ref="")  # no such client
    edit(2, "client_ref", client_ref="")  # required
    edit(3, "dossier_ref", dossier_ref="B999999")  # no such dossier
    edit(4, "recipient", recipient="")  # required
    edit(5, "form", form="per brief")  # unknown code
    edit(6, "given_on", given_on="")  # required
    edit(7, "given_on", given_on="17-06-2020")  # not YYYY-MM-DD
    edit(8, "given_on", given_on=future, expires_on="", withdrawn_on="")  # in the future
    edit(9, "expires_on", given_on="2020-06-17", expires_on="2020-06-16")  # expires before given
    edit(10, "withdrawn_on", given_on="2020-06-17", expires_on="", withdrawn_on="2020-06-16")  # withdrawn before
    edit(11, "withdrawn_on", expires_on="", withdrawn_on=future)  # withdrawn in the future
    edit(12, "recipient", recipient="x" * 201)  # longer than the database stores
    consents.append(dict(consents[13]))
    expected.add(("consents.csv", len(consents) + 1, "consent_ref"))  # duplicate key
    write(bundle, "consents.csv", header, consents)

    result = import_bundle(bundle)
    assert places(result) == expected, sorted(str(p) for p in result.problems)
    assert all(str(p).startswith(f"{p.file}:{p.line}: {p.column}: ") and p.message for p in result.problems)
    assert not Consent.objects.exists()


def test_edge_days_are_accepted(tmp_path):
    bundle = importable_copy(tmp_path / "edges")
    header, consents = read(bundle, "consents.csv")
    consents[0].update(given_on="2020-06-17", expires_on="2020-06-17", withdrawn_on="2020-06-17")
    consents[1].update(expires_on=(dt.date.today() + dt.timedelta(days=400)).isoformat(), withdrawn_on="")
    write(bundle, "consents.csv", header, consents)
    assert import_bundle(bundle).stored
    assert Consent.objects.get(ref=consents[0]["consent_ref"]).expires_on == dt.date(2020, 6, 17)


def test_import_export_import_is_lossless(tmp_path):
    source = importable_copy(tmp_path / "source")
    header, consents = read(source, "consents.csv")
    consents[0]["dossier_ref"] = ""  # the client's own consent, outside any dossier
    write(source, "consents.csv", header, consents)
    first, second = tmp_path / "first", tmp_path / "second"
    with transaction.atomic():
        assert import_bundle(source).stored
        assert Consent.objects.get(ref=consents[0]["consent_ref"]).dossier is None
        export_bundle(first)
        transaction.set_rollback(True)
    assert not Consent.objects.exists()
    exported_header, exported = read(first, "consents.csv")
    assert exported_header == header
    assert sorted(map(sorted, (r.items() for r in exported))) == sorted(map(sorted, (r.items() for r in consents)))
    assert import_bundle(first).stored
    export_bundle(second)
    assert read(second, "consents.csv") == read(first, "consents.csv")
    assert all(count == 0 for count in import_bundle(second).changed.values())  # nothing changes a second time


def test_one_clients_export_holds_only_their_consents(tmp_path):
    source = importable_copy(tmp_path / "source")
    assert import_bundle(source).stored
    consent = Consent.objects.select_related("client").order_by("pk").first()
    export_bundle(tmp_path / "client", client=consent.client)
    _h, rows = read(tmp_path / "client", "consents.csv")
    assert rows and {r["client_ref"] for r in rows} == {consent.client.ref}
    assert len(rows) == Consent.objects.filter(client=consent.client).count()
