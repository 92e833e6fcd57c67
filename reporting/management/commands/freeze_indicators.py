from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from reporting.freezing import freeze_period
from reporting.periods import Period


class Command(BaseCommand):
    help = ("Freeze the current indicators of periods (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM) as a new version "
            "that never changes; a quarter is frozen with its months. A period never computed is computed first.")

    def add_arguments(self, parser):
        parser.add_argument("periods", nargs="+", metavar="PERIOD")
        parser.add_argument("--user", metavar="USERNAME", help="Record this user as the one who froze the figures.")

    def handle(self, periods, user=None, **options):
        try:
            parsed = [Period.parse(code) for code in periods]
        except ValueError as error:
            raise CommandError(str(error)) from error
        account = None
        if user:
            account = get_user_model().objects.filter(username=user).first()
            if account is None:
                raise CommandError(f"Unknown user {user!r}")
        for period in parsed:
            versions = freeze_period(period, account)
            summary = ", ".join(f"{v.period} versie {v.number} ({v.row_count} rijen)" for v in versions)
            self.stdout.write(f"Vastgesteld: {summary}")
