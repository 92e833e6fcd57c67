"""``exchange.keys.Pairs``: a bundle's memberships (and safeguards) as one dict entry a
dossier behave as the set of (dossier, other) pairs they replace."""

from exchange.keys import Pairs


def test_pairs_behave_as_a_set_of_tuples():
    pairs = Pairs()
    added = [("D1", "C1"), ("D2", "C2"), ("D2", "C3"), ("D2", "C4"), ("D3", "")]
    for pair in added:
        pairs.add(pair)
    for pair in added:
        assert pair in pairs
    for absent in [("D1", "C2"), ("D2", "C1"), ("D4", "C1"), ("C1", "D1"), ("D3", "C")]:
        assert absent not in pairs
    # a dossier's one client is held as the string itself: a pair never matches by substring
    assert ("D1", "C") not in pairs and ("D2", ("C2", "C3")) not in pairs
    assert "D1" not in pairs and ("D1",) not in pairs
