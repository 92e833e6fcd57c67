"""Realistic demo data: the 18 Utrecht buurtteams with several years of dossiers.

The generator writes an ordinary bundle (the import format) and the demo is loaded by
importing it, so demo data and real migrations share one code path. Proportions follow
the Utrecht figures in ../shared/glossary.md: about half self-referrals, waits of a few
days to two weeks depending on the team, 63% closed according to plan, 88% can continue
independently, ~28% of closures give a rating (mean ~8), ~1.2 clients per dossier, a
nulmeting for most households and referrals to maatwerk for about one in four."""

import datetime as dt
import random
from dataclasses import dataclass

from django.utils.text import slugify

from exchange import demo_agenda, demo_frontdoor, demo_voice, demo_wmo
from exchange.exporter import BundleWriter

# The columns the demo writes (a subset of what the bundle may carry).
DEMO_COLUMNS = {
    "plans.csv": ("dossier_ref", "agreed_on"),
    "goals.csv": ("goal_ref", "dossier_ref", "client_ref", "domain", "direction", "description", "proposed_by",
                  "set_on", "target_on", "status", "status_on"),
    "actions.csv": ("action_ref", "dossier_ref", "goal_ref", "domain", "kanteling", "existing", "description", "by",
                    "starts_on", "ends_on", "referral_ref"),
    "network.csv": ("contact_ref", "dossier_ref", "kind", "name", "relation", "phone", "email", "supportive"),
    "teams.csv": ("code", "name", "population", "fte"),
    "referrers.csv": ("code", "name", "self_referral"),
    "providers.csv": ("code", "name"),
    "products.csv": ("code", "name", "category"),
    "clients.csv": ("client_ref", "bsn", "birth_date", "gender", "postcode"),
    "dossiers.csv": (
        "dossier_ref", "team", "registered_on", "referrer", "first_contact_on", "first_contact_location",
        "support_started_on", "closed_on", "closure_reason", "can_continue_independently", "client_rating",
        "lead_worker",
    ),
    "dossier_clients.csv": ("dossier_ref", "client_ref", "role"),
    "dossier_safeguards.csv": ("dossier_ref", "safeguard"),
    "zrm.csv": ("measurement_ref", "dossier_ref", "client_ref", "instrument", "type", "measured_on"),
    "referrals.csv": (
        "referral_ref", "dossier_ref", "client_ref", "product", "provider", "form", "status", "requested_on",
        "decided_on", "starts_on", "ends_on",
    ),
}

UTRECHT_TEAMS = [
    "West", "Ondiep Pijlsweerd", "Zuilen", "Overvecht Spoorzoom", "Overvecht Centrum", "Overvecht Vechtzoom",
    "Overvecht De Gagel", "Noordoost", "Oost", "Binnenstad", "Lunetten", "Hoograven / Tolsteeg",
    "Dichters- en Rivierenwijk", "Kanaleneiland Noord", "Kanaleneiland Zuid", "Leidsche Rijn", "De Meern", "Vleuten",
]
REFERRERS = [
    ("zelfmelder", "Zelfmelder", True, 53), ("familie", "Familie of naasten", False, 8),
    ("huisarts", "Huisarts", False, 10), ("wijkverpleging", "Wijkverpleging", False, 4), ("ggz", "GGZ", False, 5),
    ("woningcorporatie", "Woningcorporatie", False, 5),
    ("wijkagent", "Wijkagent / politie", False, 3), ("veilig-thuis", "Veilig Thuis", False, 2),
    ("gemeente", "Gemeente (Werk en Inkomen, Wmo)", False, 6), ("jeugd-gezin", "Buurtteam Jeugd en Gezin", False, 2),
    ("ziekenhuis", "Ziekenhuis", False, 1), ("overig", "Overige melder", False, 1),
]
PRODUCTS = [
    ("iab", "Individuele ambulante begeleiding", "begeleiding", 40),
    ("begeleiding-groep", "Begeleiding in groepsverband", "begeleiding", 10),
    ("dagbesteding-basis", "Dagbesteding basis", "dagbesteding", 18),
    ("dagbesteding-intensief", "Dagbesteding intensief", "dagbesteding", 8),
    ("aa-3a", "Arbeidsmatige activering module 3a", "dagbesteding", 8),
    ("kortdurend-verblijf", "Kortdurend verblijf", "overig", 4),
    ("vervoer-db", "Vervoer dagbegeleiding", "vervoer", 8),
    ("huishoudelijke-hulp", "Hulp bij het huishouden", "overig", 4),
]
PROVIDERS = {
    "lister": ("Lister", ["iab", "begeleiding-groep", "dagbesteding-basis"]),
    "leger-des-heils": ("Leger des Heils", ["iab", "aa-3a", "kortdurend-verblijf"]),
    "careyn": ("Careyn", ["iab", "dagbesteding-intensief", "kortdurend-verblijf", "huishoudelijke-hulp"]),
    "wij3": ("WIJ 3.0", ["begeleiding-groep", "dagbesteding-basis", "aa-3a"]),
    "abrona": ("Abrona", ["iab", "dagbesteding-intensief", "vervoer-db"]),
    "moveoo": ("Moveoo", ["vervoer-db"]),
}
CLOSURE_REASONS = [("volgens_plan", 63), ("voortijdig_in_overeenstemming", 14), ("eenzijdig_client", 9),
                   ("eenzijdig_aanbieder", 3), ("externe_omstandigheden", 7), ("onbekend", 4)]
SAFEGUARDS = ["eigen_netwerk", "vrijwilligers_maatjes", "activiteiten_buitenshuis", "huisarts", "wijkverpleegkundige",
              "woningcorporatie", "vrijwilligerswerk", "werk", "gedwongen_kader", "onderwijs", "jeugdgezondheidszorg",
              "specialistische_zorg", "andere_partijen"]
AGES = [((18, 29), 13), ((30, 39), 15), ((40, 59), 40), ((60, 74), 19), ((75, 95), 13)]
ZRM_2013 = ["financien", "dagbesteding", "huisvesting", "huiselijke_relaties", "geestelijke_gezondheid",
            "lichamelijke_gezondheid", "verslaving", "adl", "sociaal_netwerk", "maatschappelijke_participatie",
            "justitie"]
ZRM_2017 = ["financien", "werk_opleiding", "tijdsbesteding", "huisvesting", "huiselijke_relaties",
            "geestelijke_gezondheid", "lichamelijke_gezondheid", "middelengebruik", "basale_adl", "instrumentele_adl",
            "sociaal_netwerk", "maatschappelijke_participatie", "justitie"]
ZRM_DOMAINS = list(dict.fromkeys(ZRM_2013 + ZRM_2017))
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


@dataclass(frozen=True)
class DemoTeam:
    code: str
    name: str
    population: int
    fte: float
    mean_wait: int
    workers: tuple[str, ...]


KANTELINGEN = ["eigen_kracht", "sociaal_netwerk", "algemene_voorziening", "maatwerk"]
GOALS = [
    ("financien", "Schulden op een rij en een betalingsregeling"),
    ("financien", "Zelf de post en rekeningen bijhouden"),
    ("huisvesting", "In het huis kunnen blijven wonen"),
    ("dagbesteding", "Twee dagdelen per week iets doen buiten de deur"),
    ("werk_opleiding", "Een opleiding of werk vinden dat past"), ("sociaal_netwerk", "Mensen om me heen hebben"),
    ("geestelijke_gezondheid", "Beter slapen en minder piekeren"), ("huiselijke_relaties", "Minder ruzie thuis"),
    ("lichamelijke_gezondheid", "Op tijd naar de huisarts gaan"), ("overig", "Mijn papieren op orde"),
]
SUPPORT = {
    "eigen_kracht": [("Elke week zelf de post doorlopen", "client"), ("Zelf bellen met de schuldeiser", "client")],
    "sociaal_netwerk": [("Helpt met de boodschappen", "dochter"), ("Rijdt mee naar het ziekenhuis", "buurman")],
    "algemene_voorziening": [("Pakket van de Voedselbank", "Voedselbank"),
                             ("Gesprekken met de generalist", "buurtteam"), ("Budgetcursus", "U Centraal"),
                             ("Maatje", "Vrijwilligerscentrale")],
    "maatwerk": [("Individuele begeleiding", "zorgaanbieder"), ("Dagbesteding", "zorgaanbieder")],
}
NETWORK = [("familie", "dochter", "ja"), ("familie", "broer", "onbekend"), ("vriend_buur", "buurvrouw", "ja"),
           ("vrijwilliger", "maatje", "ja"), ("huisarts", "huisarts", "ja"),
           ("professional", "schuldhulpverlener", "ja"), ("familie", "ex-partner", "nee")]
GIVEN_NAMES = ["Anja", "Sanne", "Mohamed", "Fatima", "Henk", "Ria", "Pieter", "Yusuf", "Lotte", "Kees"]
FAMILY_NAMES = ["de Vries", "Jansen", "Bakker", "El Amrani", "Visser", "Yilmaz", "de Boer", "Smit"]


def demo_teams(rng: random.Random) -> list[DemoTeam]:
    teams = []
    for name in UTRECHT_TEAMS:
        code = slugify(name.replace("/", " "))
        population = rng.randrange(9_000, 26_000, 100)
        workers = tuple(f"{code}-{i}" for i in range(1, rng.randint(4, 8) + 1))
        teams.append(DemoTeam(code, f"Buurtteam {name}", population, round(population / 1500, 1),
                              rng.randint(3, 16), workers))
    return teams


def _bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        weighted = sum(d * w for d, w in zip(digits, WEIGHTS, strict=True))
        check = weighted % 11
        if check < 10 and weighted != check:  # the elfproef wants a non-zero multiple of 11 (cases.validators)
            return "".join(map(str, digits)) + str(check)


def _pick(rng: random.Random, weighted):
    return rng.choices([item[0] for item in weighted], weights=[item[-1] for item in weighted])[0]


class DemoBundle:
    """Generates the bundle rows; ``write(path)`` writes them as a bundle folder."""

    def __init__(self, dossiers: int, *, today: dt.date, seed: int = 7, years: int = 5):
        self.rng = random.Random(seed)
        self.today = today
        self.total = dossiers
        self.first_day = today - dt.timedelta(days=365 * years)
        self.zrm_2017_from = self.first_day + dt.timedelta(days=365)  # older dossiers keep the 2013 version
        self.teams = demo_teams(self.rng)
        self.clients: list[tuple] = []
        self.dossiers: list[tuple] = []
        self.members: list[tuple] = []
        self.safeguards: list[tuple] = []
        self.measurements: list[tuple] = []
        self.referrals: list[tuple] = []
        self.plan_rng = random.Random(seed + 1)  # the plan draws apart, so the other demo data stay as they were
        self.plans: list[tuple] = []
        self.goals: list[tuple] = []
        self.actions: list[tuple] = []
        self.network: list[tuple] = []
        self.meldingen: list[tuple] = []
        self.appointments: list[tuple] = []
        self.questionnaires: list[tuple] = []
        self.seed = seed

    def generate(self) -> "DemoBundle":
        span = (self.today - self.first_day).days
        team_weights = [t.population for t in self.teams]
        for number in range(self.total):
            team = self.rng.choices(self.teams, weights=team_weights)[0]
            registered = self.first_day + dt.timedelta(days=int(span * number / self.total))
            if registered.weekday() >= 5:
                registered -= dt.timedelta(days=registered.weekday() - 4)
            self._dossier(f"D{number:07d}", team, registered)
        demo_wmo.extend(self, self.seed)  # meldingen, omvang, allocation numbers, delivery
        self.front_door = demo_frontdoor.FrontDoor(self, self.seed).generate()  # short contacts, early signals
        demo_agenda.extend(self, self.seed)  # appointments
        demo_voice.extend(self, self.seed)  # scored_with, zelfscans, participatieladder, regie, questionnaires
        return self

    def _client(self, ref: str, age_range: tuple[int, int] | None = None) -> str:
        rng = self.rng
        low, high = age_range or _pick(rng, AGES)
        birth = self.today - dt.timedelta(days=rng.randint(low * 365, high * 365 + 364))
        bsn = _bsn(rng) if rng.random() < 0.7 else ""
        gender = "m" if rng.random() < 0.53 else ("v" if rng.random() < 0.97 else "x")
        letters = "ABCDEGHJKLMNPRSTVWXZ"
        postcode = f"35{rng.randint(11, 85):02d}{rng.choice(letters)}{rng.choice(letters)}"
        self.clients.append((ref, bsn, birth, gender, postcode))
        return ref

    def _dossier(self, ref: str, team: DemoTeam, registered: dt.date) -> None:
        rng, today = self.rng, self.today
        contact = registered + dt.timedelta(days=min(int(rng.expovariate(1 / max(team.mean_wait / 2, 1))), 60))
        contact = contact if contact <= today and rng.random() < 0.97 else None
        start = None
        if contact and rng.random() < 0.95:
            start = contact + dt.timedelta(days=int(rng.expovariate(1 / max(team.mean_wait / 2, 1))))
            start = start if start <= today else None
        closed = registered + dt.timedelta(days=int(rng.lognormvariate(4.9, 0.7)))
        closed = closed if closed <= today else None
        if closed and start and closed < start:
            closed = start + dt.timedelta(days=14)
            closed = closed if closed <= today else None
        reason = answer = rating = ""
        if closed:
            reason = _pick(rng, CLOSURE_REASONS)
            answer = "ja" if rng.random() < 0.8 else ("nee" if rng.random() < 0.55 else "onbekend")
            if rng.random() < 0.28:
                rating = min(10, max(1, round(rng.gauss(8.1, 1.2))))
            for safeguard in rng.sample(SAFEGUARDS, rng.choice([0, 1, 1, 2, 2, 3])):
                self.safeguards.append((ref, safeguard))
        location = rng.choices(["thuis", "kantoor", "elders"], weights=[55, 35, 10])[0] if contact else ""
        referrer = _pick(rng, REFERRERS) if rng.random() < 0.97 else ""
        self.dossiers.append((ref, team.code, registered, referrer, contact, location, start, closed, reason, answer,
                              rating, rng.choice(team.workers)))
        applicant = self._client(f"C{ref[1:]}0")
        household = [applicant]
        self.members.append((ref, applicant, "aanvrager"))
        if rng.random() < 0.12:
            household.append(self._client(f"C{ref[1:]}1"))
            self.members.append((ref, household[-1], "partner"))
        if rng.random() < 0.05:
            household.append(self._client(f"C{ref[1:]}2", (18, 25)))
            self.members.append((ref, household[-1], "kind"))
        self._zrm(ref, household, registered, contact, closed)
        if start and rng.random() < 0.3:
            self._referral(ref, rng.choice(household), start)
        if start:
            self._plan(ref, household, registered, start, closed)

    def _scores(self, domains: list[str], base: list[int] | None, shift: float) -> list:
        rng = self.rng
        scores = []
        for i, _domain in enumerate(domains):
            if rng.random() < 0.1:
                scores.append("")
                continue
            start = base[i] if base and base[i] != "" else rng.choices([1, 2, 3, 4, 5], weights=[5, 20, 35, 30, 10])[0]
            scores.append(min(5, max(1, round(start + shift + rng.gauss(0, 0.6)))))
        return scores

    def _zrm(self, ref: str, household: list[str], registered, contact, closed) -> None:
        rng, today = self.rng, self.today
        if not contact or rng.random() > 0.8:
            return
        instrument, domains = ("zrm-2017", ZRM_2017) if registered >= self.zrm_2017_from else ("zrm-2013", ZRM_2013)
        number = 0

        def add(kind: str, day: dt.date, scores: list, client: str) -> None:
            nonlocal number
            cells = dict(zip(domains, scores, strict=True))
            self.measurements.append((f"M{ref[1:]}{number}", ref, client, instrument, kind, day,
                                      *[cells.get(d, "") for d in ZRM_DOMAINS]))
            number += 1

        client = household[0]
        day = contact + dt.timedelta(days=rng.randint(0, 14))
        if day > today or (closed and day > closed):
            return
        baseline = self._scores(domains, None, 0)
        add("nulmeting", day, baseline, client)
        goal_day = day + dt.timedelta(days=rng.randint(7, 28))
        if rng.random() < 0.6 and goal_day <= today and not (closed and goal_day > closed):
            add("doelmeting", goal_day, self._scores(domains, baseline, 1), client)
        middle = day + dt.timedelta(days=rng.randint(60, 120))
        if rng.random() < 0.3 and middle <= today and not (closed and middle > closed):
            add("tussenmeting", middle, self._scores(domains, baseline, 0.3), client)
        if closed and rng.random() < 0.5:
            add("eindmeting", closed, self._scores(domains, baseline, 0.6), client)

    def _referral(self, ref: str, client: str, start: dt.date) -> None:
        rng, today = self.rng, self.today
        product = _pick(rng, PRODUCTS)
        provider = rng.choice([code for code, (_n, offered) in PROVIDERS.items() if product in offered])
        requested = start + dt.timedelta(days=rng.randint(7, 60))
        if requested > today:
            return
        decided = requested + dt.timedelta(days=rng.randint(7, 42))
        status = rng.choices(["toegekend", "afgewezen", "ingetrokken"], weights=[85, 10, 5])[0]
        starts = ends = None
        if decided > today:
            status, decided = "aangevraagd", None
        elif status == "ingetrokken":
            decided = None if rng.random() < 0.5 else decided
        elif status == "toegekend":
            starts = decided + dt.timedelta(days=rng.randint(3, 21))
            ends = starts + dt.timedelta(days=rng.randint(90, 365))
        form = "pgb" if rng.random() < 0.15 else "zin"
        self.referrals.append((f"V{ref[1:]}", ref, client, product, provider, form, status, requested, decided,
                               starts, ends))

    def _plan(self, ref: str, household: list[str], registered: dt.date, start: dt.date, closed) -> None:
        """Most dossiers with support have a plan: goals on the ZRM domains, support by kanteling
        (new support roughly eigen kracht 19 %, netwerk 16 %, algemeen 39 %, maatwerk 28 %, as
        Maastricht measured), a linked action for the dossier's referral, and its network."""
        rng, today = self.plan_rng, self.today
        end = closed or today
        for n in range(rng.choice([0, 1, 1, 2, 2, 3])):
            kind, relation, supportive = rng.choice(NETWORK)
            name = f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}" if kind != "professional" else ""
            phone = f"06-{rng.randint(10000000, 99999999)}" if rng.random() < 0.6 else ""
            self.network.append((f"N{ref[1:]}{n}", ref, kind, name, relation, phone, "", supportive))
        if rng.random() > 0.85:
            return
        domains = ZRM_2017 if registered >= self.zrm_2017_from else ZRM_2013
        set_on = min(start + dt.timedelta(days=rng.randint(0, 21)), end)
        if rng.random() < 0.8:
            agreed = set_on + dt.timedelta(days=rng.randint(0, 28))
            self.plans.append((ref, agreed if agreed <= end else ""))
        goal_refs = []
        for n, (domain, text) in enumerate(rng.sample(GOALS, rng.choice([1, 2, 2, 3]))):
            domain = domain if domain in domains or domain == "overig" else rng.choice(domains)
            direction = rng.choices(["verbeteren", "stabiliseren", "begeleide_achteruitgang"], weights=[70, 25, 5])[0]
            target = set_on + dt.timedelta(days=rng.randint(60, 270))
            status, status_on = "lopend", ""
            if closed:
                status = rng.choices(["behaald", "deels_behaald", "niet_behaald", "vervallen"],
                                     weights=[50, 25, 15, 10])[0]
                status_on = closed
            proposed = "client" if rng.random() < 0.1 else "medewerker"
            goal_ref = f"G{ref[1:]}{n}"
            goal_refs.append((goal_ref, domain))
            self.goals.append((goal_ref, ref, rng.choice(household), domain, direction, text, proposed, set_on,
                               target, status, status_on))
        referral = self.referrals[-1] if self.referrals and self.referrals[-1][1] == ref else None
        for n in range(rng.choice([1, 2, 2, 3])):
            goal_ref, domain = rng.choice(goal_refs)
            kanteling = rng.choices(KANTELINGEN, weights=[19, 16, 39, 28])[0]
            starts = min(set_on + dt.timedelta(days=rng.randint(0, 30)), end)
            ends = starts + dt.timedelta(days=rng.randint(30, 180)) if rng.random() < 0.5 else None
            linked = ""
            if kanteling == "maatwerk" and referral and referral[7]:
                linked, starts, ends = referral[0], referral[9] or referral[7], referral[10]
            text, by = rng.choice(SUPPORT[kanteling])
            self.actions.append((f"A{ref[1:]}{n}", ref, goal_ref, domain, kanteling, False, text, by, starts, ends,
                                 linked))
        if rng.random() < 0.4:  # support the household already had
            kanteling = rng.choices(KANTELINGEN, weights=[25, 30, 30, 15])[0]
            text, by = rng.choice(SUPPORT[kanteling])
            self.actions.append((f"A{ref[1:]}9", ref, "", rng.choice(domains), kanteling, True, text, by, "", "", ""))

    def write(self, path) -> dict[str, int]:
        writer = BundleWriter(path)
        c = DEMO_COLUMNS
        try:
            teams = ((t.code, t.name, t.population, t.fte) for t in self.teams)
            writer.write("teams.csv", teams, header=c["teams.csv"])
            writer.write("referrers.csv", (r[:3] for r in REFERRERS), header=c["referrers.csv"])
            writer.write("providers.csv", demo_wmo.provider_rows(PROVIDERS), header=demo_wmo.PROVIDER_COLUMNS)
            writer.write("products.csv", demo_wmo.product_rows(PRODUCTS), header=demo_wmo.PRODUCT_COLUMNS)
            writer.write("clients.csv", self.clients, header=c["clients.csv"])
            writer.write("dossiers.csv", self.dossiers, header=[*c["dossiers.csv"], "regie_after"])
            writer.write("dossier_clients.csv", self.members, header=c["dossier_clients.csv"])
            writer.write("dossier_safeguards.csv", self.safeguards, header=c["dossier_safeguards.csv"])
            writer.write("questionnaires.csv", self.questionnaires, header=demo_voice.QUESTIONNAIRE_COLUMNS)
            writer.write("wmo_meldingen.csv", self.meldingen, header=demo_wmo.MELDING_COLUMNS)
            writer.write("zrm.csv", self.measurements, header=demo_voice.zrm_header(ZRM_DOMAINS))
            writer.write("referrals.csv", self.referrals, header=[*c["referrals.csv"], *demo_wmo.REFERRAL_EXTRA])
            for name in ("plans.csv", "goals.csv", "actions.csv", "network.csv"):
                writer.write(name, getattr(self, name.removesuffix(".csv")), header=c[name])
            self.front_door.write(writer)
            writer.write("appointments.csv", self.appointments, header=demo_agenda.COLUMNS)
        finally:
            writer.close()
        return writer.counts
