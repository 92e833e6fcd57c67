"""With every file's valid records spooled to disk (exchange.spool), the import is still all
or nothing: a problem in the last file parsed (appointments.csv) stores nothing of the files
spooled before it, every problem of every file is reported at once, and the spooled records
are removed. Runs on PostgreSQL in CI (COPY into staging tables) and on SQLite."""

import pytest

from agenda.models import Appointment
from exchange import spool as spool_module
from exchange.demo import DemoBundle
from exchange.importer import import_bundle
from exchange.parse import BundleParser
from exchange.tests.test_bundle_helpers import counts, read_rows, set_cells, today
from plans.models import Action, Goal

pytestmark = pytest.mark.django_db


@pytest.fixture
def spools(monkeypatch):
    """Every spool the parser makes, with chunks small enough that each file goes to disk."""
    monkeypatch.setattr(spool_module, "CHUNK", 20)
    made = []
    original = BundleParser.spool

    def spool(self, name):
        made.append((name, original(self, name)))
        return made[-1][1]

    monkeypatch.setattr(BundleParser, "spool", spool)
    return made


def stored() -> dict[str, int]:
    return {**counts(), "goals": Goal.objects.count(), "actions": Action.objects.count(),
            "appointments": Appointment.objects.count()}


def test_a_problem_in_the_last_file_stores_nothing_and_every_problem_is_reported(tmp_path, spools):
    written = DemoBundle(120, today=today(), seed=3).generate().write(tmp_path)
    assert written["appointments.csv"] > 1
    set_cells(tmp_path, "teams.csv", 2, population="veel")  # the first file
    last = len(read_rows(tmp_path, "appointments.csv")[1]) + 1
    set_cells(tmp_path, "appointments.csv", last, kind="onbekend")  # the last file parsed, its last line
    before = stored()

    result = import_bundle(tmp_path)

    assert {(p.file, p.line, p.column) for p in result.problems} == {
        ("teams.csv", 2, "population"), ("appointments.csv", last, "kind")}
    assert not result.stored
    assert stored() == before
    on_disk = {name for name, spool in spools if len(spool) > spool_module.CHUNK}
    assert {"dossiers.csv", "clients.csv", "goals.csv", "zrm.csv", "appointments.csv"} <= on_disk
    assert not any(spool.on_disk for _name, spool in spools), "the spooled records are removed"


def test_the_same_bundle_without_problems_stores_every_spooled_record(tmp_path, spools):
    written = DemoBundle(120, today=today(), seed=3).generate().write(tmp_path)
    before = stored()

    result = import_bundle(tmp_path)

    assert result.ok, [str(p) for p in result.problems[:10]]
    after = stored()
    for name, key in (("dossiers.csv", "dossiers.csv"), ("zrm.csv", "zrm.csv"), ("goals.csv", "goals"),
                      ("actions.csv", "actions"), ("appointments.csv", "appointments")):
        assert after[key] - before[key] == written[name] > 0, name
    assert not any(spool.on_disk for _name, spool in spools)
