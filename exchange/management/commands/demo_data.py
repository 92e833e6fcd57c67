import tempfile
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from faker import Faker

from cases.models import Dossier, Membership, Role, Team
from exchange import demo_wmo
from exchange.demo import DemoBundle
from exchange.importer import import_bundle
from reporting.compute import compute_periods
from reporting.periods import Period
from staffauth import demo as staffauth_demo

PASSWORD = "buurtteam-demo"  # noqa: S105 (printed on screen: demo logins only)


class Command(BaseCommand):
    help = "Generate a realistic organisation (the 18 Utrecht buurtteams) and load it through the bundle import."

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, default=4000)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--if-empty", action="store_true", help="do nothing when dossiers exist")
        parser.add_argument("--output", help="keep the generated bundle in this folder")
        parser.add_argument("--write-only", action="store_true", help="only write the bundle to --output")
        parser.add_argument("--no-compute", action="store_true", help="do not compute the recent quarters")

    def handle(self, dossiers, years, seed, if_empty, output, no_compute, write_only, verbosity, **options):
        if write_only:
            if not output:
                raise CommandError("--write-only needs --output DIR.")
            started = time.monotonic()
            counts = DemoBundle(dossiers, today=timezone.localdate(), seed=seed, years=years).generate().write(output)
            self.stdout.write(f"Bundel geschreven naar {output} in {time.monotonic() - started:.1f} s: "
                              + ", ".join(f"{k} {v}" for k, v in counts.items()))
            return
        if if_empty and Dossier.objects.exists():
            self.stdout.write("Er zijn al dossiers; demodata overgeslagen.")
            self._print_logins()
            return
        started = time.monotonic()
        today = timezone.localdate()
        bundle = DemoBundle(dossiers, today=today, seed=seed, years=years).generate()
        self._create_users(bundle, seed)
        with tempfile.TemporaryDirectory() as tmp:
            path = output or tmp
            counts = bundle.write(path)
            self.stdout.write(f"Bundel gegenereerd ({time.monotonic() - started:.1f} s): "
                              + ", ".join(f"{k} {v}" for k, v in counts.items()))
            progress = self._progress if verbosity else None
            result = import_bundle(path, progress=progress)
        if not result.ok:
            for problem in result.problems[:50]:
                self.stderr.write(str(problem))
            raise CommandError("De demobundel is ongeldig; niets opgeslagen.")
        self._name_clients(seed)
        exchanged = demo_wmo.exchange_messages()
        self.stdout.write(f"Geïmporteerd na {time.monotonic() - started:.1f} s; iWmo: {exchanged['301']} toewijzingen "
                          f"(301) verstuurd, {exchanged['305']} startberichten (305) verwerkt.")
        if not no_compute:
            current = Period.quarter_of(today)
            quarters = [*current.previous_quarters(4), current]
            compute_periods(quarters)
            self.stdout.write(f"Indicatoren berekend voor {', '.join(q.code for q in quarters)} (met maanden).")
        self._print_logins()

    def _progress(self, step, done, total):
        if done == total:
            self.stderr.write(f"  {step}: {done}")

    @transaction.atomic
    def _create_users(self, bundle: DemoBundle, seed: int) -> None:
        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        users = get_user_model().objects
        password = make_password(PASSWORD)  # hashed once: demo accounts share it
        teams = {}
        for team in bundle.teams:
            teams[team.code], _ = Team.objects.update_or_create(
                code=team.code, defaults={"name": team.name, "population": team.population, "fte": team.fte}
            )

        made = []

        def user(username, role, team=None):
            account, created = users.get_or_create(
                username=username, defaults={"first_name": fake.first_name(), "last_name": fake.last_name()}
            )
            if created:
                account.password = password
                account.save(update_fields=["password"])
            made.append(account)
            Membership.objects.get_or_create(user=account, team=team, role=role)

        for team in bundle.teams:
            for username in team.workers:
                user(username, Role.GENERALIST, teams[team.code])
            user(f"coach-{team.code}", Role.TEAMCOACH, teams[team.code])
        user("beleid", Role.BELEID)
        user("beheer", Role.BEHEER)
        staffauth_demo.give_demo_devices(made)  # the second factor: one printed demo key

    def _name_clients(self, seed: int) -> None:
        """The bundle format carries no names; give demo clients Dutch names (set-based)."""
        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        size = 300
        lists = {
            "demo_male": [fake.first_name_male() for _ in range(size)],
            "demo_female": [fake.first_name_female() for _ in range(size)],
            "demo_family": [fake.last_name() for _ in range(size)],
        }
        with connection.cursor() as cursor:
            for table, names in lists.items():
                cursor.execute(f"DROP TABLE IF EXISTS {table}")
                cursor.execute(f"CREATE TEMP TABLE {table} (k integer PRIMARY KEY, name varchar(120))")
                cursor.executemany(f"INSERT INTO {table} (k, name) VALUES (%s, %s)", list(enumerate(names)))  # noqa: S608
            cursor.execute(
                f"""
                UPDATE cases_client SET
                  given_name = CASE WHEN gender = 'v' THEN (SELECT name FROM demo_female WHERE k = id % {size})
                                    ELSE (SELECT name FROM demo_male WHERE k = id % {size}) END,
                  family_name = (SELECT name FROM demo_family WHERE k = (id / {size}) % {size})
                WHERE given_name = '' AND family_name = ''
                """  # noqa: S608
            )
            for table in lists:
                cursor.execute(f"DROP TABLE {table}")

    def _print_logins(self) -> None:
        example = Team.objects.order_by("name").first()
        lines = [
            "",
            "Demo-logins (wachtwoord voor iedereen: " + PASSWORD + "):",
            "  beleid        organisatiebrede cijfers",
            "  beheer        functioneel beheer, toegangslog",
        ]
        if example:
            lines += [
                f"  {example.code}-1{' ' * max(1, 12 - len(example.code))}generalist van {example.name}",
                f"  coach-{example.code}{' ' * max(1, 8 - len(example.code))}teamcoach van {example.name}",
                "  (elk team: <teamcode>-1 ... <teamcode>-N en coach-<teamcode>)",
            ]
        lines += staffauth_demo.login_lines()
        self.stdout.write("\n".join(lines))
