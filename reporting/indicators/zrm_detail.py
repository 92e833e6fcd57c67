"""ZRM development in detail (indicators.md Additions (v2)), the ZRM monitor's figures
2.4-2.9: per domain, how many units went forward, stayed or went back between their
nulmeting and their last measurement, and the mean change by the step they started on.

Units, measurements and "last" are those of zrm.py; so that the units are built once per
computation, zrm.py's per-domain query over the units' nulmeting scores also returns the
columns this family needs (``DETAIL_COLUMNS``, one group per domain and starting step) and
hands its rows to ``collect``."""

from collections import Counter

from reporting.indicators.collector import Collector


def detail_columns(last: str, nul: str) -> str:
    """Per (period, team, domain, starting step): units with the domain scored in the last
    measurement too, the sum of (last - nul) over them, and how many went up, stayed, went down."""
    return (f"COUNT({last}), SUM({last} - {nul}), "
            f"SUM(CASE WHEN {last} > {nul} THEN 1 ELSE 0 END), "
            f"SUM(CASE WHEN {last} = {nul} THEN 1 ELSE 0 END), "
            f"SUM(CASE WHEN {last} < {nul} THEN 1 ELSE 0 END)")


def collect(rows, collector: Collector) -> None:
    """rows: (period code, team, domain, starting step, scored in last, sum of change, up, same, down)."""
    by_step: dict = {}
    development: Counter = Counter()
    for period, team, domain, step, scored, change, up, same, down in rows:
        if scored:
            by_step[(period, team, f"{domain}:{step}")] = (change or 0, scored)
        for direction, n in (("vooruit", up), ("stabiel", same), ("achteruit", down)):
            development[(period, team, f"{domain}:{direction}")] += n or 0
    collector.dimension_counts("zrm_domain_development", development)
    collector.ratios("zrm_change_by_baseline_step", by_step, dimension=None)
