"""The shared plan-bundle: its journal.csv and recorded-on dates import, and the Journal and
Registration lag rows of plan-bundle-expected.csv come out (values to 1e-9)."""

import csv
import math
import shutil
from pathlib import Path

import pytest

from cases.models import Dossier, Team
from exchange.importer import import_bundle
from journal.models import JournalEntry
from reporting.compute import compute_periods
from reporting.indicators.catalogue import FAMILIES
from reporting.models import IndicatorRow
from reporting.periods import Period

SAMPLES = Path(__file__).resolve().parents[2] / "tests" / "samples"
BUNDLE, EXPECTED = SAMPLES / "plan-bundle", SAMPLES / "plan-bundle-expected.csv"
CODES = set(FAMILIES["journal"]) | set(FAMILIES["registration_lag"])


def periods() -> list[str]:
    """2019-Q2 (with 2019-04) and 2019; 2019-H1 too once half-years are periods."""
    wanted = ["2019-Q2", "2019"]
    try:
        Period.parse("2019-H1")
    except ValueError:
        return wanted
    return [*wanted, "2019-H1"]


def expected_rows(checked) -> dict:
    with EXPECTED.open(newline="", encoding="utf-8") as handle:
        return {
            (r["period"], r["team"] or None, r["indicator"], r["dimension"]):
                (float(r["value"]) if r["value"] != "" else None, int(r["count"]))
            for r in csv.DictReader(handle) if r["indicator"] in CODES and r["period"] in checked
        }


def known_files(tmp_path) -> Path:
    """The bundle without the files no installed app describes yet (consents.csv while the
    consent app does not exist); the figures checked here do not depend on them."""
    from exchange.registry import files_by_name

    copy = tmp_path / "plan-bundle"
    copy.mkdir()
    for path in BUNDLE.iterdir():
        if path.name in files_by_name():
            shutil.copy(path, copy / path.name)
    return copy


@pytest.fixture
def computed(db, tmp_path):
    result = import_bundle(known_files(tmp_path))
    assert result.ok, result.problems
    compute_periods(periods())
    teams = dict(Team.objects.values_list("pk", "code"))
    rows = {(r.period, teams.get(r.team_id), r.indicator, r.dimension): (r.value, r.count)
            for r in IndicatorRow.objects.filter(indicator__in=CODES)}
    counts = (JournalEntry.objects.count(), JournalEntry.objects.filter(corrects__isnull=False).count(),
              JournalEntry.objects.filter(confidential=True).count(),
              Dossier.objects.filter(first_contact_recorded_on__isnull=False).count())
    return rows, counts


def test_journal_recorded_on_dates_and_their_figures(computed):
    _rows, (entries, corrections, confidential, recorded) = computed
    with (BUNDLE / "journal.csv").open(encoding="utf-8") as handle:
        lines = list(csv.DictReader(handle))
    assert entries == len(lines)
    assert corrections == sum(1 for r in lines if r["corrects_ref"])
    assert confidential == sum(1 for r in lines if r["confidential"] == "true")
    with (BUNDLE / "dossiers.csv").open(encoding="utf-8") as handle:
            assert recorded == sum(1 for r in csv.DictReader(handle) if r["first_contact_recorded_on"])
    rows = computed[0]
    checked = {"2019-04", *periods()}  # the periods of plan-bundle-expected.csv that are computed
    expected = expected_rows(checked)
    assert expected
    missing = sorted((k for k in expected if k not in rows), key=str)
    def same(e, a) -> bool:
        if e[1] != a[1] or (e[0] is None) != (a[0] is None):
            return False
        return e[0] is None or math.isclose(e[0], a[0], rel_tol=0, abs_tol=1e-9)

    wrong = sorted(((k, expected[k], rows[k]) for k in expected if k in rows and not same(expected[k], rows[k])),
                   key=str)
    extra = sorted((k for k in rows if k[0] in checked and k not in expected), key=str)
    assert not missing, missing[:10]
    assert not wrong, wrong[:10]
    assert not extra, extra[:10]


def test_journal_and_recorded_on_dates_export_losslessly(computed, tmp_path):
    from exchange.exporter import export_bundle

    out = tmp_path / "export"
    export_bundle(out)

    def table(folder, name, columns):
        with (folder / name).open(encoding="utf-8") as handle:
            return sorted(tuple(row[c] for c in columns) for row in csv.DictReader(handle))

    journal_columns = ("entry_ref", "dossier_ref", "client_ref", "written_on", "kind", "minutes", "author",
                       "confidential", "text", "corrects_ref")
    original = [tuple("false" if c == "confidential" and not v else v for c, v in zip(journal_columns, row,
                                                                                       strict=True))
                for row in table(BUNDLE, "journal.csv", journal_columns)]
    assert table(out, "journal.csv", journal_columns) == sorted(original)
    dossier_columns = ("dossier_ref", "first_contact_recorded_on", "support_started_recorded_on",
                       "closed_recorded_on")
    assert table(out, "dossiers.csv", dossier_columns) == table(BUNDLE, "dossiers.csv", dossier_columns)

