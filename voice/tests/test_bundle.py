"""questionnaires.csv and the client-voice columns of zrm.csv and dossiers.csv
(client-voice.md): the v3 sample imports, exports the same rows, and every rule of the
file is checked (all problems at once)."""

import pytest

from cases.models import Dossier
from exchange.exporter import export_bundle
from exchange.importer import import_bundle
from exchange.tests.test_bundle_helpers import read_rows, set_cells
from tests.bundles import importable_copy
from tests.sample_paths import SAMPLES
from voice.models import Questionnaire
from zrm.models import Measurement

pytestmark = pytest.mark.django_db
FILES = ["teams.csv", "referrers.csv", "clients.csv", "dossiers.csv", "dossier_clients.csv", "zrm.csv",
         "questionnaires.csv"]


def rows_of(bundle, name) -> set:
    _header, rows = read_rows(bundle, name)
    return {tuple(sorted((c, v) for c, v in row.items() if v != "")) for row in rows}


@pytest.fixture
def bundle(tmp_path):
    return importable_copy(SAMPLES / "v3-bundle", tmp_path / "v3", files=FILES)


def test_the_sample_imports_and_exports_the_same_rows(bundle, tmp_path):
    result = import_bundle(bundle)
    assert result.ok, [str(p) for p in result.problems[:10]]
    assert Questionnaire.objects.count() == 80
    answers = Questionnaire.objects.get(ref="Q000001").answers
    assert answers["weet_waar"] == "weet_niet" and answers["snel_geholpen"] == "1"
    assert Measurement.objects.filter(type="zelfscan").count() == 39
    assert Measurement.objects.filter(instrument__code="participatieladder").count() == 262
    assert Measurement.objects.filter(scored_with="").exists()
    assert Dossier.objects.exclude(regie_after="").exists()
    export_bundle(tmp_path / "out")
    for name in ("questionnaires.csv", "zrm.csv"):
        assert rows_of(tmp_path / "out", name) == rows_of(bundle, name), name
    assert all(n == 0 for n in import_bundle(tmp_path / "out").changed.values())


def test_every_rule_is_reported(bundle):
    _header, rows = read_rows(bundle, "questionnaires.csv")
    set_cells(bundle, "questionnaires.csv", 2, answered_on="2099-01-01", channel="brief", weet_waar="7")
    second = rows[1]
    set_cells(bundle, "questionnaires.csv", 4, dossier_ref=second["dossier_ref"], client_ref="K999999")
    set_cells(bundle, "questionnaires.csv", 5, answered_on="2000-01-01")
    result = import_bundle(bundle)
    assert not result.stored
    found = {(p.file, p.line, p.column) for p in result.problems}
    assert {("questionnaires.csv", 2, "answered_on"), ("questionnaires.csv", 2, "channel"),
            ("questionnaires.csv", 2, "weet_waar"), ("questionnaires.csv", 4, "dossier_ref"),
            ("questionnaires.csv", 4, "client_ref"), ("questionnaires.csv", 5, "answered_on")} <= found
