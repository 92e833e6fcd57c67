"""The front door's four bundle files (front-door.md): the v3 sample imports, routes its
team-less signals by PC4, exports and imports again without a change (lossless), and a file
breaking the rules is refused with every problem named and nothing stored."""

import csv

import pytest

from exchange.exporter import export_bundle
from exchange.importer import import_bundle
from frontdoor.models import Attempt, EarlySignal, ShortContact, TeamArea
from tests.bundles import importable_copy
from tests.sample_paths import SAMPLES

BUNDLE = SAMPLES / "v3-bundle"
FILES = ["teams.csv", "referrers.csv", "clients.csv", "dossiers.csv", "dossier_clients.csv", "team_areas.csv",
         "short_contacts.csv", "signals.csv", "signal_attempts.csv"]
OURS = FILES[5:]


def rows(folder, name):
    with (folder / name).open(newline="", encoding="utf-8") as handle:
        return sorted(tuple(r.items()) for r in csv.DictReader(handle))


@pytest.fixture
def imported(db, tmp_path):
    result = import_bundle(importable_copy(BUNDLE, tmp_path / "bundle", files=FILES))
    assert result.ok, [str(p) for p in result.problems[:20]]
    return tmp_path


def test_import_export_import_is_lossless(imported):
    assert (TeamArea.objects.count(), ShortContact.objects.count(), EarlySignal.objects.count(),
            Attempt.objects.count()) == (67, 482, 166, 278)  # one attempt twice in the file
    first = imported / "export1"
    export_bundle(first)
    again = import_bundle(first)
    assert again.ok and not any(again.changed.get(name) for name in OURS), again.changed
    second = imported / "export2"
    export_bundle(second)
    for name in OURS:
        assert rows(first, name) == rows(second, name)


def test_routed_by_pc4_when_the_team_is_empty(imported):
    with (BUNDLE / "signals.csv").open(newline="", encoding="utf-8") as handle:
        teamless = [r for r in csv.DictReader(handle) if not r["team"]]
    areas = dict(TeamArea.objects.values_list("pc4", "team__code"))
    for row in teamless:
        signal = EarlySignal.objects.select_related("team").get(ref=row["signal_ref"])
        assert (signal.team.code if signal.team else None) == areas.get(row["postcode"][:4])


def test_a_file_breaking_the_rules_is_refused_whole(db, tmp_path):
    bundle = importable_copy(BUNDLE, tmp_path / "bundle", files=FILES)
    path = bundle / "short_contacts.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    broken = dict(zip(header, lines[1].split(","), strict=True))
    broken.update(anonymous="true", outcome="doorverwezen", referred_to="", minutes="0", recorded_on="2000-01-01")
    lines[1] = ",".join(broken[c] for c in header)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_bundle(bundle)
    assert not result.ok
    places = {(p.file, p.line, p.column) for p in result.problems}
    assert {("short_contacts.csv", 2, c) for c in ("client_ref", "referred_to", "minutes", "recorded_on")} <= places
    assert not ShortContact.objects.exists() and not EarlySignal.objects.exists()


def test_signals_keep_their_short_contact(imported):
    """A signal's short contact goes in by its ref (``Store.upsert(refs=...)``)."""
    with (BUNDLE / "signals.csv").open(newline="", encoding="utf-8") as handle:
        expected = {r["signal_ref"]: r["contact_ref"] for r in csv.DictReader(handle)}
    stored = dict(EarlySignal.objects.values_list("ref", "short_contact__ref"))
    assert sum(1 for ref in expected.values() if ref) > 10
    assert stored == {ref: contact or None for ref, contact in expected.items()}
