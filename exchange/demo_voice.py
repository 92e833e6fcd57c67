"""The client's own voice in the demo (client-voice.md): who scored each ZRM measurement,
zelfscans of residents, the participatieladder for adult applicants, regie after closure
and client-experience questionnaires. Drawn from a random generator of its own, so the other
demo data stay as they were."""

import datetime as dt
import random

STATEMENTS = ("weet_waar", "snel_geholpen", "serieus_genomen", "samen_oplossing", "kwaliteit_goed",
              "past_bij_vraag", "beter_dingen_doen", "beter_redden", "kwaliteit_van_leven")
QUESTIONNAIRE_COLUMNS = ("questionnaire_ref", "dossier_ref", "client_ref", "answered_on", "channel", *STATEMENTS)
FIXED = 6  # measurement_ref, dossier_ref, client_ref, instrument, type, measured_on
ANSWERS = (("1", 30), ("2", 38), ("3", 14), ("4", 7), ("5", 3), ("weet_niet", 4), ("", 4))
REGIE = (("client", 40), ("netwerk", 25), ("professional", 20), ("onbekend", 5), ("", 10))


def _pick(rng: random.Random, weighted) -> str:
    return rng.choices([v for v, _w in weighted], weights=[w for _v, w in weighted])[0]


def zrm_header(domains: list[str]) -> list[str]:
    return ["measurement_ref", "dossier_ref", "client_ref", "instrument", "type", "measured_on", "scored_with",
            *domains, "participatie"]


def extend(bundle, seed: int) -> None:
    """Add scored_with, zelfscans, the participatieladder, regie_after and questionnaires."""
    rng, today = random.Random(seed + 3), bundle.today
    births = {row[0]: row[2] for row in bundle.clients}
    applicants = {row[0]: row[1] for row in bundle.members if row[2] == "aanvrager"}
    dossiers = {row[0]: row for row in bundle.dossiers}
    measurements = []
    for row in bundle.measurements:
        who = _pick(rng, (("samen", 70), ("professional", 20), ("client", 3), ("", 7)))
        measurements.append((*row[:FIXED], who, *row[FIXED:], ""))
    width = len(measurements[0]) if measurements else 0
    baselines = {row[1]: row for row in bundle.measurements if row[4] == "nulmeting"}
    number = 0
    for dossier_ref, nul in baselines.items():
        registered, closed = dossiers[dossier_ref][2], dossiers[dossier_ref][7]
        client = nul[2]
        if nul[3] == "zrm-2017" and not closed and rng.random() < 0.25:
            day = nul[5] + dt.timedelta(days=rng.randint(1, 60))
            if day <= today:
                cells = [min(5, max(1, int(c) + rng.choice((-1, 0, 0, 1)))) if c != "" and rng.random() < 0.85 else ""
                         for c in nul[FIXED:]]
                measurements.append((f"S{dossier_ref[1:]}", dossier_ref, client, "zrm-2017", "zelfscan", day,
                                     "client", *cells, ""))
        born = births.get(applicants.get(dossier_ref, ""))
        if born is None or (nul[5] - born).days < 18 * 366 or rng.random() > 0.6:
            continue
        step = rng.choices([1, 2, 3, 4, 5, 6], weights=[15, 30, 25, 15, 8, 7])[0]

        def ladder(kind: str, day: dt.date, value: int, ref=dossier_ref, client=applicants[dossier_ref]) -> None:
            nonlocal number
            cells = [""] * (width - FIXED - 2)
            measurements.append((f"P{ref[1:]}{number}", ref, client, "participatieladder", kind, day,
                                 _pick(rng, (("samen", 75), ("professional", 20), ("", 5))), *cells, value))
            number += 1

        start = max(registered, nul[5])
        ladder("nulmeting", start, step)
        middle = start + dt.timedelta(days=rng.randint(60, 150))
        if middle <= today and (closed is None or middle < closed) and rng.random() < 0.5:
            ladder("tussenmeting", middle, min(6, step + rng.choice((0, 0, 1))))
        if closed and closed > start and rng.random() < 0.7:
            ladder("eindmeting", closed, min(6, max(1, step + rng.choice((-1, 0, 0, 1, 1, 2)))))
    bundle.measurements = measurements
    bundle.dossiers = [(*row, _pick(rng, REGIE) if row[7] else "") for row in bundle.dossiers]
    bundle.questionnaires = []
    for row in bundle.dossiers:
        ref, closed = row[0], row[7]
        if not closed or rng.random() > 0.35:
            continue
        answered = closed + dt.timedelta(days=rng.randint(0, 14))
        if answered > today:
            continue
        answers = [_pick(rng, ANSWERS) for _code in STATEMENTS]
        if not any(answers):
            answers[0] = "2"
        channel = _pick(rng, (("portaal", 30), ("papier", 40), ("telefoon", 30)))
        bundle.questionnaires.append((f"Q{ref[1:]}", ref, applicants.get(ref, ""), answered, channel, *answers))
