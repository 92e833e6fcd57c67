"""The ZRM family picks, per unit, role and period, the same measurements as a plain reading
of indicators.md: the most recent nulmeting and doelmeting dated on or before the period's
end, and as "last" the most recent eindmeting, else the most recent tussenmeting; of two on
one day the later one. Checked against that reading written out in Python, over seeded
random measurements (same-day pairs, eindmetingen before and after tussenmetingen,
supplements, dossiers opening and closing inside the quarter) in a quarter and its months."""

import datetime as dt
import random
from collections import defaultdict

import pytest

from cases.factories import TeamFactory
from reporting.compute import compute_rows, expand
from reporting.factories import dossier, measurement
from zrm.models import Domain, Instrument

QUARTER = "2019-Q1"
TYPES = ("nulmeting", "doelmeting", "tussenmeting", "eindmeting")
INSTRUMENTS = ("zrm-2013", "zrm-2017", "zrm-ouderschap")
FIRST, LAST = dt.date(2018, 11, 1), dt.date(2019, 4, 15)


def _day(rng) -> dt.date:
    return FIRST + dt.timedelta(days=rng.randrange((LAST - FIRST).days + 1))


def _build(rng):
    teams = [TeamFactory(code="team-a"), TeamFactory(code="team-b")]
    domains = {code: list(Domain.objects.filter(instrument__code=code).values_list("code", flat=True))
               for code in INSTRUMENTS}
    made = []
    for _ in range(40):
        registered = _day(rng) - dt.timedelta(days=60)
        closed = rng.choice([None, None, registered + dt.timedelta(days=rng.randrange(30, 200))])
        target = dossier(rng.choice(teams), registered, members=rng.randrange(1, 3), closed_on=closed)
        clients = [m.client for m in target.members.order_by("id")] + [None]
        for _ in range(rng.randrange(0, 9)):
            instrument = rng.choice(INSTRUMENTS)
            scores = {code: rng.randrange(1, 6) for code in rng.sample(domains[instrument], 3)}
            when = made[-1].measured_on if made and made[-1].dossier_id == target.pk and rng.random() < 0.2 \
                else _day(rng)  # now and then a second measurement on the same day
            made.append(measurement(target, rng.choice(TYPES), when, scores,
                                    client=rng.choice(clients), instrument=instrument))
    return made


def _reference(made, period):
    """{(team, domain): (baseline sum, n, change sum, change n, gap sum, gap n)} by the spec's words."""
    supplement = dict(Instrument.objects.values_list("id", "supplement"))
    chosen = defaultdict(dict)  # (dossier, unit, supplement) -> role -> measurement
    for m in sorted(made, key=lambda m: (m.measured_on, m.id)):  # later wins
        d = m.dossier
        if not (d.registered_on <= period.end and (d.closed_on is None or d.closed_on >= period.start)):
            continue
        if m.measured_on > period.end:
            continue
        roles = chosen[(d.pk, m.client_id, supplement[m.instrument_id])]
        if m.type == "eindmeting":
            roles["eind"] = m
        else:
            roles[m.type] = m
    figures = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for (dossier_id, _unit, _supplement), roles in chosen.items():
        nul = roles.get("nulmeting")
        if nul is None:
            continue
        last = roles.get("eind") or roles.get("tussenmeting")
        goal = roles.get("doelmeting")
        team = next(m.dossier.team_id for m in made if m.dossier_id == dossier_id)
        for domain, score in nul.scores.items():
            for key in ((team, domain), (None, domain)):
                f = figures[key]
                f[0] += score
                f[1] += 1
                if last is not None and domain in last.scores:
                    f[2] += last.scores[domain] - score
                    f[3] += 1
                if goal is not None and domain in goal.scores:
                    f[4] += goal.scores[domain] - score
                    f[5] += 1
    return figures


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_units_match_the_spec_read_plainly(db, seed):
    made = _build(random.Random(seed))
    periods = expand([QUARTER])
    rows = compute_rows(periods)
    for period in periods:
        expected = {}
        for key, (total, n, change, change_n, gap, gap_n) in _reference(made, period).items():
            expected[("zrm_baseline_mean", *key)] = (total / n, n)
            if change_n:
                expected[("zrm_change_mean", *key)] = (change / change_n, change_n)
            if gap_n:
                expected[("zrm_goal_gap_mean", *key)] = (gap / gap_n, gap_n)
        got = {(r.indicator, r.team_id, r.dimension): (r.value, r.count) for r in rows
               if r.period == period.code and r.indicator in ("zrm_baseline_mean", "zrm_change_mean",
                                                              "zrm_goal_gap_mean")}
        assert expected, "the seed made no unit with a nulmeting"
        assert got.keys() == expected.keys(), period.code
        for key, (value, count) in expected.items():
            assert got[key][1] == count, (period.code, key)
            assert got[key][0] == pytest.approx(value, abs=1e-9), (period.code, key)
