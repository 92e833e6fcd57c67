"""The demo bundle holds realistic plans: most dossiers with support have one, new support
follows the Maastricht kanteling shares roughly, and it all imports without problems."""

from collections import Counter

import pytest

from cases.services import today
from exchange.demo import DemoBundle
from exchange.importer import import_bundle
from plans.models import Action, Goal, NetworkContact, Plan

pytestmark = pytest.mark.django_db


def test_demo_plans_import_and_look_like_the_teams(tmp_path):
    demo = DemoBundle(400, today=today(), seed=3).generate()
    written = demo.write(tmp_path)
    result = import_bundle(tmp_path)
    assert result.ok, [str(p) for p in result.problems[:20]]
    assert Goal.objects.count() == written["goals.csv"] > 0
    assert Action.objects.count() == written["actions.csv"] > 0
    assert NetworkContact.objects.count() == written["network.csv"] > 0
    with_support = [d for d in demo.dossiers if d[6]]
    assert Plan.objects.count() >= 0.75 * len(with_support)
    new = Counter(a[4] for a in demo.actions if not a[5])
    shares = {k: 100 * n / sum(new.values()) for k, n in new.items()}
    for kanteling, expected in {"eigen_kracht": 19, "sociaal_netwerk": 16, "algemene_voorziening": 39,
                                "maatwerk": 28}.items():
        assert abs(shares[kanteling] - expected) < 8, shares
