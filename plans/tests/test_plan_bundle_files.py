"""The plan's bundle files: every rule refused once (all problems of one run, as
``file:line: column: message``, nothing stored), a valid sample stored set-based, and
import -> export -> import lossless."""

import datetime as dt

import pytest
from django.db import transaction

from exchange.exporter import export_bundle
from exchange.importer import import_bundle
from plans.models import Action, Goal, NetworkContact, Plan
from plans.tests.bundle_helpers import PLAN_FILES, importable_copy, read, write

pytestmark = pytest.mark.django_db


def day_before(value: str) -> str:
    return (dt.date.fromisoformat(value) - dt.timedelta(days=1)).isoformat()


def places(result) -> set[tuple[str, int, str]]:
    return {(p.file, p.line, p.column) for p in result.problems}


def test_every_bad_input_is_reported_and_nothing_is_stored(tmp_path):
    bundle = importable_copy(tmp_path / "bad")
    _h, dossiers = read(bundle, "dossiers.csv")
    registered = {d["dossier_ref"]: d["registered_on"] for d in dossiers}
    expected = set()

    header, plans = read(bundle, "plans.csv")
    plans[0]["agreed_on"] = day_before(registered[plans[0]["dossier_ref"]])
    expected.add(("plans.csv", 2, "agreed_on"))  # before registration
    plans[1]["agreed_on"] = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    expected.add(("plans.csv", 3, "agreed_on"))  # in the future
    plans[2]["agreed_on"] = "02-03-2019"
    expected.add(("plans.csv", 4, "agreed_on"))  # not YYYY-MM-DD
    plans.append(dict(plans[5]))
    expected.add(("plans.csv", len(plans) + 1, "dossier_ref"))  # a second plan for one dossier
    plans.append({"dossier_ref": "B999999", "agreed_on": ""})
    expected.add(("plans.csv", len(plans) + 1, "dossier_ref"))  # unknown dossier
    write(bundle, "plans.csv", header, plans)

    header, goals = read(bundle, "goals.csv")
    other_dossier = next(d["dossier_ref"] for d in dossiers if d["dossier_ref"] != goals[0]["dossier_ref"])
    edits = [
        ("client_ref", {"client_ref": "K999999"}),  # no member of the dossier
        ("domain", {"domain": "astrologie"}),
        ("direction", {"direction": "omhoog"}),
        ("status", {"status": "gelukt"}),
        ("proposed_by", {"proposed_by": "buurman"}),
        ("set_on", {"set_on": "", "status": "lopend", "status_on": ""}),  # required
    ]
    for index, (column, cells) in enumerate(edits):
        goals[index].update(cells)
        expected.add(("goals.csv", index + 2, column))
    lopend = next(i for i, g in enumerate(goals) if g["status"] == "lopend" and i >= len(edits))
    goals[lopend]["status_on"] = goals[lopend]["set_on"]
    expected.add(("goals.csv", lopend + 2, "status_on"))  # lopend has no status date
    done = [i for i, g in enumerate(goals) if g["status"] == "behaald" and i > lopend][:3]
    goals[done[0]]["status_on"] = ""
    expected.add(("goals.csv", done[0] + 2, "status_on"))  # behaald needs its date
    goals[done[1]]["status_on"] = day_before(goals[done[1]]["set_on"])
    expected.add(("goals.csv", done[1] + 2, "status_on"))  # before set_on
    goals[done[2]]["set_on"] = day_before(registered[goals[done[2]]["dossier_ref"]])
    goals[done[2]]["status_on"] = goals[done[2]]["set_on"]
    expected.add(("goals.csv", done[2] + 2, "set_on"))  # before registration
    goals.append(dict(goals[-1]))
    expected.add(("goals.csv", len(goals) + 1, "goal_ref"))  # duplicate key
    write(bundle, "goals.csv", header, goals)

    header, actions = read(bundle, "actions.csv")
    foreign_goal = next(g["goal_ref"] for g in goals[100:] if g["dossier_ref"] != actions[0]["dossier_ref"])
    actions[0]["goal_ref"] = foreign_goal
    expected.add(("actions.csv", 2, "goal_ref"))  # a goal of another dossier
    actions[1]["goal_ref"] = "G999999"
    expected.add(("actions.csv", 3, "goal_ref"))  # unknown goal
    _rh, referrals = read(bundle, "referrals.csv")
    foreign_referral = next(r["referral_ref"] for r in referrals if r["dossier_ref"] != actions[2]["dossier_ref"])
    actions[2].update(referral_ref=foreign_referral, kanteling="maatwerk")
    expected.add(("actions.csv", 4, "referral_ref"))  # a referral of another dossier
    actions[3]["kanteling"] = "geluk"
    expected.add(("actions.csv", 5, "kanteling"))
    actions[4]["existing"] = "ja"
    expected.add(("actions.csv", 6, "existing"))  # booleans are true/false
    new = [i for i, a in enumerate(actions) if a["existing"] == "false" and i > 4][:2]
    actions[new[0]]["starts_on"], actions[new[0]]["ends_on"] = "", ""
    expected.add(("actions.csv", new[0] + 2, "starts_on"))  # new support needs its start
    actions[new[1]]["ends_on"] = day_before(actions[new[1]]["starts_on"])
    expected.add(("actions.csv", new[1] + 2, "ends_on"))  # ends before it starts
    write(bundle, "actions.csv", header, actions)

    header, network = read(bundle, "network.csv")
    network[0]["kind"] = "kennis"
    expected.add(("network.csv", 2, "kind"))
    network[1]["supportive"] = "soms"
    expected.add(("network.csv", 3, "supportive"))
    network[2]["dossier_ref"] = other_dossier
    network.append({**network[3], "dossier_ref": "B999999", "contact_ref": "N999999"})
    expected.add(("network.csv", len(network) + 1, "dossier_ref"))
    write(bundle, "network.csv", header, network)

    result = import_bundle(bundle)
    assert places(result) == expected, sorted(str(p) for p in result.problems)
    assert all(str(p).startswith(f"{p.file}:{p.line}: {p.column}: ") and p.message for p in result.problems)
    assert not (Plan.objects.exists() or Goal.objects.exists() or Action.objects.exists()
                or NetworkContact.objects.exists())


def lines(bundle, name) -> tuple[str, list[str]]:
    with (bundle / name).open(newline="", encoding="utf-8") as handle:
        header, *rows = handle.read().splitlines()
    return header, sorted(rows)


def test_import_export_import_is_lossless(tmp_path):
    source = importable_copy(tmp_path / "source")
    first = tmp_path / "first"
    with transaction.atomic():
        result = import_bundle(source)
        assert result.stored, [str(p) for p in result.problems[:10]]
        _h, goals = read(source, "goals.csv")
        assert Goal.objects.count() == len(goals) and Action.objects.count() == len(read(source, "actions.csv")[1])
        # goals imply a plan: dossiers with goals but no plans.csv row have a draft
        assert set(Plan.objects.values_list("dossier__ref", flat=True)) == (
            {p["dossier_ref"] for p in read(source, "plans.csv")[1]} | {g["dossier_ref"] for g in goals})
        export_bundle(first)
        transaction.set_rollback(True)  # back to a fresh database
    assert not Goal.objects.exists()

    for name in PLAN_FILES:
        header, exported = read(first, name)
        original_header, original = read(source, name)
        assert header == original_header, name
        as_set = {tuple(sorted((k, v) for k, v in row.items() if v)) for row in exported}
        original_set = {tuple(sorted((k, v) for k, v in row.items() if v)) for row in original}
        if name == "plans.csv":  # plus the drafts the goals implied
            assert original_set <= as_set and all(len(row) == 1 for row in as_set - original_set)
        elif name == "goals.csv":  # an empty proposed_by is exported as medewerker
            assert {tuple(c for c in row if c != ("proposed_by", "medewerker")) for row in as_set} == {
                tuple(c for c in row if c != ("proposed_by", "medewerker")) for row in original_set}
        else:
            assert as_set == original_set, name

    assert import_bundle(first).stored
    second = tmp_path / "second"
    export_bundle(second)
    for name in PLAN_FILES:
        assert lines(second, name) == lines(first, name), name
    assert all(count == 0 for count in import_bundle(second).changed.values())  # nothing changes a second time
