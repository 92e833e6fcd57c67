import time

from django.core.management.base import BaseCommand, CommandError

from reporting.compute import compute_periods
from reporting.periods import Period


class Command(BaseCommand):
    help = ("Compute the indicators of periods (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM) synchronously; "
            "a quarter includes its months.")

    def add_arguments(self, parser):
        parser.add_argument("periods", nargs="+", metavar="PERIOD")

    def handle(self, periods, **options):
        try:
            parsed = [Period.parse(code) for code in periods]
        except ValueError as error:
            raise CommandError(str(error)) from error
        started = time.monotonic()
        counts = compute_periods(parsed)
        seconds = time.monotonic() - started
        summary = ", ".join(f"{code} ({n} rijen)" for code, n in counts.items())
        self.stdout.write(f"Berekend in {seconds:.2f} s: {summary}")
