"""A resident's ZRM development as a simple picture: per person, per life domain, the
first score and the latest (steps 1–5), drawn as bars (SVG in the template) with the same
numbers in a table as text alternative. The domains carry their plain (B1) names, as in
the zelfscan: "Voor uzelf zorgen (wassen, aankleden, eten)", not "Basale ADL"."""

from dataclasses import dataclass

from portal.plain import DOMAIN
from zrm.progress import load_measurements


@dataclass(frozen=True)
class Row:
    label: str
    first: int | None
    latest: int | None

    @property
    def first_width(self) -> int:
        return (self.first or 0) * 20  # percent of the five steps

    @property
    def latest_width(self) -> int:
        return (self.latest or 0) * 20


@dataclass(frozen=True)
class Picture:
    person: object  # a Client, or None for the household
    first_on: object
    latest_on: object
    rows: list


def pictures(measurements_qs) -> list[Picture]:
    """One picture per person measured (or the household), first and latest measurement."""
    by_unit: dict = {}
    for measurement in load_measurements(measurements_qs.professional_zrm()):
        by_unit.setdefault(measurement.client_id, []).append(measurement)
    result = []
    for measurements in by_unit.values():
        first, latest = measurements[0], measurements[-1]
        rows = [Row(str(DOMAIN.get(domain.code, domain.label)), first.scores.get(domain.code),
                    latest.scores.get(domain.code))
                for domain in latest.instrument.domains.all()
                if latest.scores.get(domain.code) is not None or first.scores.get(domain.code) is not None]
        result.append(Picture(latest.client, first.measured_on, latest.measured_on, rows))
    return result
