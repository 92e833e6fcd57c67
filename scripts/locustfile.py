"""The staff of a whole city at work on one deployment (issue 32), for Locust.

Run through ``scripts/loadtest.py``, which prepares the accounts and the server and writes
``LOADTEST_ACCOUNTS`` (a JSON file): one account per virtual user, with its password, its
authenticator key and the dossiers it works on. Every virtual user logs in as staff do
(password, then the 6-digit code of its authenticator app, RFC 6238), once, and then works
with 5-15 s of thought between steps:

- generalists: Mijn werk, my dossiers, a dossier page, the plan page, the calendar, and
  writes: a journal entry, a ZRM measurement, a short contact;
- team coaches: the team dashboard, the caseload, the intake queue;
- beleid: the organisation overview;
- the municipality's API client: a page of indicator rows.

The mix follows a team's day (generalists ~85 % of the staff). ``LOADTEST_SEED`` fixes every
random choice (with a fixed number of users and run time, a run repeats its requests)."""

import json
import os
import random
import time
from itertools import count

import urllib3
from loadforms import form_fields, totp
from locust import HttpUser, between, events, task

SEED = int(os.environ.get("LOADTEST_SEED", "20261207"))
with open(os.environ["LOADTEST_ACCOUNTS"], encoding="utf-8") as _file:
    ACCOUNTS = json.load(_file)
QUARTER = ACCOUNTS["quarter"]
_next_account = {role: count() for role in ("generalist", "coach", "beleid", "api")}
PROCESSES = max(1, int(os.environ.get("LOADTEST_PROCESSES", "1")))  # Locust's --processes (loadtest.py)
random.seed(SEED)
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)  # our own throw-away certificate
LOGINS: list[float] = []  # seconds per login (password + second factor), reported at the end


def _account_index(environment, role: str) -> int:
    """Each virtual user its own account, also when Locust runs in several processes
    (``--processes``): process ``i`` of ``n`` takes accounts i, i + n, i + 2n, ..."""
    worker = max(getattr(environment.runner, "worker_index", 0) or 0, 0)
    return next(_next_account[role]) * PROCESSES + worker


def https(client, host: str) -> None:
    """The server speaks HTTPS with a throw-away certificate (scripts/loadtest.py); a browser
    sends its Origin with every form (Django's CSRF check asks for it over HTTPS)."""
    client.verify = False
    client.headers["Origin"] = host


class Staff(HttpUser):
    abstract = True
    wait_time = between(5, 15)
    role = ""

    def on_start(self):
        https(self.client, self.host)
        accounts = ACCOUNTS[self.role]
        self.account = accounts[_account_index(self.environment, self.role) % len(accounts)]
        self.rng = random.Random(f"{SEED}-{self.account['username']}")
        started = time.monotonic()
        page = self.client.get("/accounts/login/", name="login")
        fields = form_fields(page.text)
        fields.update(username=self.account["username"], password=self.account["password"])
        page = self.client.post("/accounts/login/", fields, name="login (send)")
        fields = form_fields(page.text)
        fields["code"] = totp(self.account["key"])
        page = self.client.post("/accounts/tweestaps/", fields, name="login: second factor")
        if not page.ok or "/accounts/" in (page.url or ""):
            raise RuntimeError(f"{self.account['username']} could not log in")
        LOGINS.append(time.monotonic() - started)

    def dossier(self) -> int:
        return self.rng.choice(self.account["dossiers"])

    def post_form(self, url: str, name: str, **values):
        """Open the form's page, then send it as a browser would, with ``values`` typed in."""
        page = self.client.get(url, name=name)
        fields = form_fields(page.text)
        fields.update(values)
        with self.client.post(url, fields, name=f"{name} (send)", catch_response=True) as response:
            if response.status_code != 200 or response.url.rstrip("/").endswith(url.rstrip("/")):
                response.failure("the form was not accepted")  # a refused form renders itself again


class Generalist(Staff):
    weight = 85
    role = "generalist"

    @task(4)
    def my_work(self):
        self.client.get("/mijn-werk", name="Mijn werk")

    @task(4)
    def my_dossiers(self):
        self.client.get("/dossiers", name="my dossiers")

    @task(6)
    def dossier_page(self):
        self.client.get(f"/dossiers/{self.dossier()}", name="dossier page")

    @task(3)
    def plan_page(self):
        self.client.get(f"/dossiers/{self.dossier()}/plan", name="plan page")

    @task(2)
    def journal_entry(self):
        self.post_form(f"/dossiers/{self.open_dossier()}/journaal/nieuw", "journal entry",
                       kind="telefoon", minutes=str(self.rng.randint(5, 60)),
                       text="Gebeld over de voortgang; afspraken bevestigd.")

    @task(1)
    def zrm_entry(self):
        dossier = self.open_dossier()
        page = self.client.get(f"/dossiers/{dossier}/zrm/nieuw", name="ZRM entry")
        fields = form_fields(page.text)
        for name in [n for n in fields if n.startswith("score_")]:
            fields[name] = str(self.rng.randint(1, 5))
        fields["type"] = "tussenmeting"
        with self.client.post(f"/dossiers/{dossier}/zrm/nieuw", fields, name="ZRM entry (send)",
                              catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            # an order rule may refuse a tussenmeting (no nulmeting yet): the page says why, no failure

    @task(2)
    def short_contact(self):
        # at the counter: anonymous, the topic "overig" (every installation has it), a few minutes
        self.post_form("/kort-contact/nieuw", "short contact", channel="inloop", topic="overig",
                       outcome="beantwoord", minutes=str(self.rng.randint(2, 20)), anonymous="on")

    @task(2)
    def calendar(self):
        self.client.get("/agenda/week", name="calendar (week)")

    def open_dossier(self) -> int:
        return self.rng.choice(self.account["open_dossiers"])


class Coach(Staff):
    weight = 10
    role = "coach"

    @task(3)
    def team_dashboard(self):
        self.client.get(f"/teams/{self.account['team']}/dashboard", name="team dashboard")

    @task(3)
    def caseload(self):
        self.client.get(f"/teams/{self.account['team']}/caseload", name="caseload")

    @task(2)
    def intake(self):
        self.client.get(f"/teams/{self.account['team']}/intake", name="intake queue")


class Beleid(Staff):
    weight = 3
    role = "beleid"

    @task
    def organisation(self):
        self.client.get(f"/cijfers/organisatie?period={QUARTER}", name="organisation overview")


class Municipality(HttpUser):
    weight = 2
    wait_time = between(5, 15)

    def on_start(self):
        https(self.client, self.host)
        self.token = ACCOUNTS["api"][_account_index(self.environment, "api") % len(ACCOUNTS["api"])]["token"]

    @task
    def indicators(self):
        self.client.get(f"/api/v1/indicators?period={QUARTER}&page_size=1000", name="API indicators",
                        headers={"Authorization": f"Token {self.token}"})


@events.test_stop.add_listener
def report_logins(environment, **kwargs):
    if LOGINS:
        ordered = sorted(LOGINS)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        print(f"LOGINS {len(ordered)} median {ordered[len(ordered) // 2] * 1000:.0f} ms p95 {p95 * 1000:.0f} ms")
