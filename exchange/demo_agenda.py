"""Demo appointments (agenda, docs/appointments-bundle.md) for a generated ``DemoBundle``: the
held kennismakingsgesprek on each dossier's first-contact day (at its place), the held home
visit that started support, and for open dossiers in support an appointment planned in the
next two weeks. A random generator of its own, so the other demo data stay as they were."""

import datetime as dt
import random
from zoneinfo import ZoneInfo

COLUMNS = ("appointment_ref", "dossier_ref", "kind", "starts_at", "ends_at", "place_kind", "place", "workers",
           "member_refs", "outcome", "cancelled_by", "outcome_recorded_on", "outcome_by")
ZONE = ZoneInfo("Europe/Amsterdam")
KINDS_LATER = ("huisbezoek", "huisbezoek", "gesprek_kantoor", "telefonisch", "netwerkberaad")


def _moment(day: dt.date, hour: int, minute: int = 0) -> str:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZONE).isoformat()


def extend(bundle, seed: int) -> None:
    rng, today = random.Random(seed + 3), bundle.today
    applicants = {dossier: client for dossier, client, role in bundle.members if role == "aanvrager"}
    rows = bundle.appointments = []
    counts: dict[str, int] = {}

    def add(ref, kind, day, place_kind, worker, member, *, held: bool) -> None:
        hour, minutes = rng.randint(9, 16), rng.choice((30, 45, 60, 60, 90))
        start = _moment(day, hour)
        end = (dt.datetime.combine(day, dt.time(hour), tzinfo=ZONE) + dt.timedelta(minutes=minutes)).isoformat()
        recorded = min(today, day + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))) if held else ""
        counts[ref] = counts.get(ref, 0) + 1
        rows.append((f"A{ref[1:]}-{counts[ref]}", ref, kind, start, end, place_kind,
                     "Wijkcentrum" if place_kind == "elders" else "", worker, member,
                     "gehouden" if held else "", "", recorded, worker if held else ""))

    for ref, _team, _registered, _referrer, contact, location, start, closed, *_rest, worker in bundle.dossiers:
        member = applicants.get(ref, "")
        if contact:
            add(ref, "kennismakingsgesprek", contact, location or "thuis", worker, member, held=True)
        if start and start != contact:
            add(ref, "huisbezoek", start, "thuis", worker, member, held=True)
        if start and not closed and rng.random() < 0.6:
            day = today + dt.timedelta(days=rng.randint(1, 14))
            add(ref, rng.choice(KINDS_LATER), day, rng.choice(("thuis", "kantoor", "elders")), worker, member,
                held=False)
