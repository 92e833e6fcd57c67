"""Text that a spreadsheet would run as a formula is exported with a leading apostrophe,
and the importer takes it off again: import -> export -> import stays lossless."""

import io

import pytest
from django.core.management import call_command

from cases.models import Team
from exchange.formulas import escape, unescape
from exchange.tests.test_bundle_helpers import copy_sample, find, read_rows, run_import, set_cells

pytestmark = pytest.mark.django_db

NASTY = ["=cmd|' /C calc'!A0", "+31 6", "-x", "@SUM(A1)", " =1+1", "\tx", "'t Hoofdstation", "''", "'", "gewoon"]


@pytest.mark.parametrize("value", NASTY)
def test_escape_and_unescape_are_each_others_inverse(value):
    assert unescape(escape(value)) == value


def test_a_formula_in_a_team_name_is_neutralised_in_the_export_and_restored_on_import(tmp_path):
    bundle = copy_sample(tmp_path)
    line, _row = find(bundle, "teams.csv")
    set_cells(bundle, "teams.csv", line, name="=cmd|' /C calc'!A0")
    assert run_import(bundle).ok
    team = Team.objects.get(name__startswith="=cmd")

    exported = tmp_path / "export"
    call_command("export_bundle", str(exported), stdout=io.StringIO())
    _header, rows = read_rows(exported, "teams.csv")
    names = {row["code"]: row["name"] for row in rows}
    assert names[team.code] == "'=cmd|' /C calc'!A0"  # a spreadsheet shows it as text

    Team.objects.filter(pk=team.pk).update(name="changed")
    assert run_import(exported).ok
    assert Team.objects.get(pk=team.pk).name == "=cmd|' /C calc'!A0"
