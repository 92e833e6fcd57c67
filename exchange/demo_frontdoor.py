"""The demo's front door (front-door.md): the teams' postcode areas (two areas left without a
team, so the queue of functional administration has signals), short contacts at the counter
and on the phone (most anonymous; some named, some of those became the dossier registered that
day) and early signals of arrears with their outreach attempts and outcomes (the recent ones
still open, some past their term). It draws from its own random stream, so the rest of the
demo stays as it was."""

import datetime as dt
import random

from frontdoor.bundle import ATTEMPTS, SHORT_CONTACTS, SIGNALS, TEAM_AREAS

CHANNELS = (("inloop", 40), ("telefoon", 35), ("email", 10), ("chat", 5), ("huisbezoek", 5), ("overig", 5))
TOPICS = (("financien", 30), ("huisvesting", 15), ("overig", 15), ("sociaal_netwerk", 8), ("dagbesteding", 6),
          ("geestelijke_gezondheid", 8), ("werk_opleiding", 8), ("huiselijke_relaties", 5),
          ("lichamelijke_gezondheid", 5))
CREDITORS = (("woningcorporatie", ("Mitros", "Portaal", "Bo-Ex"), 40), ("energie", ("Eneco", "Vattenfall"), 25),
             ("water", ("Vitens",), 10), ("zorgverzekeraar", ("Zilveren Kruis", "Menzis", "CZ"), 20),
             ("overig", ("Gemeente Utrecht",), 5))
OUTCOMES = (("hulp_aanvaard", 25), ("hulp_geweigerd", 15), ("al_bekend", 15), ("geen_contact", 25), ("opgelost", 20))
REFERRED_TO = ("Sociaal raadslieden", "U Centraal", "Voedselbank", "Juridisch Loket", "Schuldhulpverlening")
STREETS = ("Oudegracht", "Kanaalstraat", "Amsterdamsestraatweg", "Vleutenseweg", "Biltstraat", "Croeselaan")
UNSERVED = ("3584", "3585")


def _pick(rng: random.Random, weighted):
    return rng.choices([w[0] for w in weighted], weights=[w[-1] for w in weighted])[0]


def _weekday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=max(0, day.weekday() - 4))


class FrontDoor:
    def __init__(self, bundle, seed: int):
        self.bundle, self.rng = bundle, random.Random(seed + 3)
        self.areas: list[tuple] = []
        self.contacts: list[tuple] = []
        self.signals: list[tuple] = []
        self.attempts: list[tuple] = []

    def generate(self) -> "FrontDoor":
        bundle, rng = self.bundle, self.rng
        teams = [t.code for t in bundle.teams]
        pc4s = [str(n) for n in range(3511, 3586) if str(n) not in UNSERVED]
        for index, pc4 in enumerate(pc4s):
            self.areas.append((teams[index % len(teams)], pc4))
        applicants = {d: c for d, c, role in bundle.members if role == "aanvrager"}
        span = (bundle.today - bundle.first_day).days
        for number, dossier in enumerate(bundle.dossiers):
            ref, team, registered = dossier[0], dossier[1], dossier[2]
            if rng.random() < 0.08:  # the dossier began as a short contact that day
                self._contact(team, registered, outcome="dossier", client=applicants.get(ref), dossier=ref)
            for _ in range(rng.choice((0, 1, 1, 2, 3))):
                day = _weekday(bundle.first_day + dt.timedelta(days=rng.randrange(span)))
                named = rng.random() < 0.25
                self._contact(team, day, client=applicants.get(ref) if named and day >= registered else None)
            if rng.random() < 0.06:
                self._signal(f"V{number:07d}", rng.choice(pc4s + list(UNSERVED)))
        return self

    def _contact(self, team: str, day: dt.date, *, outcome: str = "", client: str | None = None,
                 dossier: str = "") -> None:
        rng = self.rng
        outcome = outcome or ("doorverwezen" if rng.random() < 0.35 else "beantwoord")
        referred = rng.choice(REFERRED_TO) if outcome == "doorverwezen" else ""
        minutes = rng.choice((3, 5, 5, 8, 10, 15, 20, 30)) if rng.random() < 0.8 else ""
        recorded = min(day + dt.timedelta(days=rng.choice((0, 0, 0, 1, 3))), self.bundle.today)
        self.contacts.append((f"K{len(self.contacts) + 1:07d}", team, day, _pick(rng, CHANNELS), _pick(rng, TOPICS),
                              "false" if client else "true", outcome, client or "", referred, dossier, minutes,
                              recorded))

    def _signal(self, ref: str, pc4: str) -> None:
        rng, today = self.rng, self.bundle.today
        first = self.bundle.first_day
        received = _weekday(first + dt.timedelta(days=rng.randrange((today - first).days)))
        kind = _pick(rng, CREDITORS)
        creditor = rng.choice(next(c[1] for c in CREDITORS if c[0] == kind))
        letters = "ABCDEGHJKLMNPRSTVWXZ"
        postcode = f"{pc4}{rng.choice(letters)}{rng.choice(letters)}"
        attempts, day = [], received
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            day = day + dt.timedelta(days=rng.randint(2, 12))
            if day > today:
                break
            result = rng.choices(("contact", "geen_gehoor", "briefje", "onbereikbaar"), weights=(35, 30, 30, 5))[0]
            attempts.append((ref, day, rng.choice(("huisbezoek", "huisbezoek", "brief", "telefoon")), result))
        outcome = outcome_on = ""
        if attempts and (today - received).days > 45:
            outcome = _pick(rng, OUTCOMES)
            if outcome == "geen_contact" and len(attempts) < 2:
                outcome = "opgelost"
            if outcome == "hulp_aanvaard":
                outcome = "al_bekend"  # a demo signal links no dossier or contact
            outcome_on = min(attempts[-1][1] + dt.timedelta(days=rng.randint(0, 7)), today)
        self.signals.append((ref, received, kind, creditor, rng.randrange(5_000, 350_000), rng.choice(("", 1, 2, 3, 4)),
                             postcode, rng.randint(1, 240), rng.choice(("", "", "", "a", "bis")), "", "", outcome,
                             outcome_on, ""))
        self.attempts.extend(attempts)

    def write(self, writer) -> None:
        writer.write(TEAM_AREAS, self.areas)
        writer.write(SHORT_CONTACTS, self.contacts)
        writer.write(SIGNALS, self.signals)
        writer.write(ATTEMPTS, self.attempts)
