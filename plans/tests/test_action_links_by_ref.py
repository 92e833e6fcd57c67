"""An action's goal and referral are stored by their refs (``Store.upsert(refs=...)``): the
staging table finds the ids, in the bundle or already in the system."""

import shutil

import pytest

from exchange.importer import import_bundle
from plans.models import Action
from plans.tests.bundle_helpers import read, write
from tests.bundles import importable_copy
from tests.sample_paths import SAMPLES

pytestmark = pytest.mark.django_db


def test_links_in_the_bundle_and_in_the_system(tmp_path):
    bundle = importable_copy(SAMPLES / "v3-bundle", tmp_path / "first")
    assert import_bundle(bundle).stored
    _header, actions = read(bundle, "actions.csv")
    linked = [a for a in actions if a["goal_ref"] or a["referral_ref"]]
    stored = {a.ref: a for a in Action.objects.filter(ref__in=[a["action_ref"] for a in linked])
              .select_related("goal", "referral")}
    assert len(stored) == len(linked) > 100
    for row in linked:
        action = stored[row["action_ref"]]
        assert (action.goal.ref if action.goal else "") == row["goal_ref"]
        assert (action.referral.ref if action.referral else "") == row["referral_ref"]

    # A second bundle with only dossiers and one new action: its goal and referral are in the system.
    second = tmp_path / "second"
    second.mkdir()
    shutil.copy(bundle / "dossiers.csv", second / "dossiers.csv")
    row = next(a for a in linked if a["goal_ref"] and a["referral_ref"])
    header, _rows = read(bundle, "actions.csv")
    write(second, "actions.csv", header, [{**row, "action_ref": "A-NIEUW"}])
    result = import_bundle(second)
    assert result.stored, [str(p) for p in result.problems]
    new = Action.objects.select_related("goal", "referral").get(ref="A-NIEUW")
    assert (new.goal.ref, new.referral.ref) == (row["goal_ref"], row["referral_ref"])
